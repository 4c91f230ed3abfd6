using Microsoft.Data.Sqlite;

namespace Chorus.Storage;

/// <summary>
/// Versioned schema migrations. Each migration runs once, in its own transaction, and records its version;
/// opening a newer store with an older Chorus is refused rather than guessed at.
/// </summary>
internal static class Schema
{
    private static readonly string[] s_migrations =
    [
        // 1: articles, their URLs, stories, and the ingest ledger.
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT,
            site TEXT,
            author TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            chrome_removed INTEGER NOT NULL DEFAULT 0,
            story_id TEXT NOT NULL REFERENCES stories(id),
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_story ON articles(story_id);
        CREATE TABLE article_urls (
            url TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id)
        );
        CREATE TABLE ingest_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE ledger (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
            input TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('stored', 'duplicate', 'rejected')),
            article_id TEXT,
            duplicate_of TEXT,
            reason TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX ledger_run ON ledger(run_id);
        """,

        // 2: the ledger also records skipped inputs (an archive's request or metadata records, non-HTML
        // responses). SQLite cannot change a CHECK constraint, so the table is rebuilt with its rows.
        """
        CREATE TABLE ledger_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
            input TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('stored', 'duplicate', 'rejected', 'skipped')),
            article_id TEXT,
            duplicate_of TEXT,
            reason TEXT,
            at TEXT NOT NULL
        );
        INSERT INTO ledger_v2 (id, run_id, input, state, article_id, duplicate_of, reason, at)
            SELECT id, run_id, input, state, article_id, duplicate_of, reason, at FROM ledger;
        DROP TABLE ledger;
        ALTER TABLE ledger_v2 RENAME TO ledger;
        CREATE INDEX ledger_run ON ledger(run_id);
        """,

        // 3: each article's clustering features, so that an ingest run does not read and analyse every stored text
        // again. Features of another version (other options, older code) are recomputed.
        """
        CREATE TABLE article_features (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            version TEXT NOT NULL,
            features TEXT NOT NULL
        );
        """,
    ];

    public static int Latest => s_migrations.Length;

    /// <summary>The migrations in order (the first creates the schema); tests build old stores from them.</summary>
    internal static IReadOnlyList<string> Migrations => s_migrations;

    public static void Migrate(SqliteConnection connection)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var current = Convert.ToInt32(Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > Latest)
        {
            throw new StoreException($"the store has schema version {current}, newer than this Chorus understands ({Latest}); upgrade Chorus");
        }

        for (var version = current + 1; version <= Latest; version++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, s_migrations[version - 1], transaction);
            Execute(connection, $"INSERT INTO schema_version (version) VALUES ({version})", transaction);
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

/// <summary>A store that cannot be opened or used, with the reason in words a user can act on.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
