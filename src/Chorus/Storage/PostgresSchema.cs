using System.Globalization;
using Npgsql;

namespace Chorus.Storage;

/// <summary>
/// The PostgreSQL store's versioned schema migrations: the tables of SQLite's sixth version, in PostgreSQL's types
/// (identity columns, a tsvector with a GIN index for search). Times stay ISO 8601 text, as in SQLite, so an
/// article keeps the offset its source gave. Pending migrations run once, in one transaction under the writers' lock,
/// and record their versions; a store newer than this Chorus is refused.
/// </summary>
internal static class PostgresSchema
{
    private static readonly string[] s_migrations =
    [
        // 1: articles, their URLs and features, stories, the ingest ledger, the shared counters, and search.
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE articles (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
            ingested_at TEXT NOT NULL,
            -- A tsvector holds at most 1 MB; the first 200,000 characters of a text are what search reads.
            search tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || left(text, 200000))) STORED
        );
        CREATE INDEX articles_story ON articles(story_id);
        CREATE INDEX articles_search ON articles USING GIN (search);
        CREATE TABLE article_urls (
            url TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id)
        );
        CREATE TABLE article_features (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            version TEXT NOT NULL,
            features TEXT NOT NULL
        );
        CREATE TABLE ingest_runs (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE ledger (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            run_id BIGINT NOT NULL REFERENCES ingest_runs(id),
            input TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('stored', 'duplicate', 'rejected', 'skipped')),
            article_id TEXT,
            duplicate_of TEXT,
            reason TEXT,
            at TEXT NOT NULL,
            -- The key of an input delivered from a queue, held once, so a delivery repeated after its commit is known.
            input_key TEXT
        );
        CREATE INDEX ledger_run ON ledger(run_id);
        CREATE UNIQUE INDEX ledger_input_key ON ledger(input_key) WHERE input_key IS NOT NULL;
        CREATE TABLE counters (
            name TEXT PRIMARY KEY,
            value BIGINT NOT NULL
        );
        INSERT INTO counters (name, value) VALUES ('next_story', 1), ('revision', 0);
        """,

        // 2: the search vector is written by the writer after its commit, outside the writers' lock, where computing it
        // and its GIN entries took two thirds of each batch's locked time; a revision that moves an article no longer
        // computes it again. Articles whose vector is missing (a writer stopped between its commit and the update) are
        // found by the partial index and indexed when a store is opened.
        """
        ALTER TABLE articles ALTER COLUMN search DROP EXPRESSION;
        CREATE INDEX articles_unsearchable ON articles (seq) WHERE search IS NULL;
        """,

        // 3: each story's brief, as in SQLite's seventh version.
        """
        CREATE TABLE story_briefs (
            story_id TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            brief TEXT NOT NULL,
            built_at TEXT NOT NULL
        );
        """,

        // 4: each article's partition (StorePartition), as in SQLite's eighth version; and story numbers from a
        // sequence, which writers of different partitions take from at once, where the counters row would make each
        // wait for the other's commit.
        """
        ALTER TABLE articles ADD COLUMN part TEXT;
        CREATE INDEX articles_part ON articles (part, seq);
        CREATE SEQUENCE story_numbers;
        SELECT setval('story_numbers', (SELECT value FROM counters WHERE name = 'next_story'), false);
        DELETE FROM counters WHERE name = 'next_story';
        """,
    ];

    /// <summary>The version that added partition keys, which stored articles get from their language and dates.</summary>
    private const int PartitionsVersion = 4;

    public static int Latest => s_migrations.Length;

    /// <summary>
    /// Brings the store to the latest version, under the writers' advisory lock, so two processes opening a new store
    /// at once do not both create it: the second waits, then finds nothing to do.
    /// </summary>
    public static void Migrate(NpgsqlConnection connection, long writeLock)
    {
        if (Version(connection) == Latest)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({writeLock})");
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var current = Version(connection);
        if (current > Latest)
        {
            throw new StoreException($"the store has schema version {current}, newer than this Chorus understands ({Latest}); upgrade Chorus");
        }

        for (var version = current + 1; version <= Latest; version++)
        {
            Execute(connection, s_migrations[version - 1]);
            if (version == PartitionsVersion)
            {
                StorePartition.FillIn(connection, transaction);
            }

            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_version (version) VALUES ({version})"));
        }

        transaction.Commit();
    }

    /// <summary>The store's schema version; 0 for a database Chorus has not set up.</summary>
    public static int Version(NpgsqlConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('schema_version') IS NOT NULL";
        if (command.ExecuteScalar() is not true)
        {
            return 0;
        }

        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
