using Microsoft.Data.Sqlite;

namespace Chorus.Storage;

/// <summary>
/// The SQLite store's versioned schema migrations (<see cref="PostgresSchema"/> has PostgreSQL's). Pending migrations run once, in one transaction, and record their versions;
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

        // 4: counters that writers share, changed only inside their write transaction: the next story number (never
        // reused, even for a story a revision merged away) and how many revisions have moved articles.
        """
        CREATE TABLE counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT INTO counters (name, value)
            SELECT 'next_story', COALESCE(MAX(CAST(substr(id, 2) AS INTEGER)), 0) + 1 FROM stories WHERE id GLOB 's[0-9]*';
        INSERT INTO counters (name, value) VALUES ('revision', 0);
        """,

        // 5: full-text search over titles and texts (FTS5, Porter stems), kept in step with the articles by triggers.
        // Revisions change only an article's story, so they do not touch the index.
        """
        CREATE VIRTUAL TABLE article_search USING fts5(title, text, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
        INSERT INTO article_search (article_search) VALUES ('rebuild');
        CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_search (rowid, title, text) VALUES (new.seq, new.title, new.text);
        END;
        CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
            INSERT INTO article_search (article_search, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        END;
        CREATE TRIGGER article_search_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO article_search (article_search, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
            INSERT INTO article_search (rowid, title, text) VALUES (new.seq, new.title, new.text);
        END;
        """,

        // 6: the key of an input delivered from a queue, held once, so a delivery repeated after its commit is known.
        """
        ALTER TABLE ledger ADD COLUMN input_key TEXT;
        CREATE UNIQUE INDEX ledger_input_key ON ledger(input_key) WHERE input_key IS NOT NULL;
        """,

        // 7: each story's brief, built when its articles changed and kept with the fingerprint of what it was built
        // from (its articles, the brief's options, the Chorus that built it), so a view does not analyse them again.
        """
        CREATE TABLE story_briefs (
            story_id TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            brief TEXT NOT NULL,
            built_at TEXT NOT NULL
        );
        """,

        // 8: each article's partition (StorePartition: its language and fourteen-day window), so that a writer reads the
        // articles of the partitions it writes and no others; the keys of stored articles are filled in after.
        """
        ALTER TABLE articles ADD COLUMN part TEXT;
        CREATE INDEX articles_part ON articles(part, seq);
        """,
    ];

    /// <summary>The version that added partition keys, which stored articles get from their language and dates.</summary>
    private const int PartitionsVersion = 8;

    public static int Latest => s_migrations.Length;

    /// <summary>The migrations in order (the first creates the schema); tests build old stores from them.</summary>
    internal static IReadOnlyList<string> Migrations => s_migrations;

    /// <summary>
    /// Brings the store to the latest version. The version is read inside the write transaction that migrates, so two
    /// processes opening a new store at once do not both create it: the second waits, then finds nothing to do.
    /// </summary>
    public static void Migrate(SqliteConnection connection)
    {
        if (Version(connection, null) == Latest)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", transaction);
        var current = Version(connection, transaction);
        if (current > Latest)
        {
            throw new StoreException($"the store has schema version {current}, newer than this Chorus understands ({Latest}); upgrade Chorus");
        }

        for (var version = current + 1; version <= Latest; version++)
        {
            Execute(connection, s_migrations[version - 1], transaction);
            if (version == PartitionsVersion)
            {
                StorePartition.FillIn(connection, transaction);
            }

            Execute(connection, $"INSERT INTO schema_version (version) VALUES ({version})", transaction);
        }

        transaction.Commit();
    }

    /// <summary>The store's schema version; 0 for a new file.</summary>
    private static int Version(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A store that cannot be opened or used, with the reason in words a user can act on.</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A write that met another writer's at once (the same text, URL or id stored by a writer of another partition, or a
/// deadlock between them) and was rolled back: run again, it sees what the other stored.
/// </summary>
public sealed class StoreConflictException(string message, Exception? inner = null) : StoreException(message, inner);
