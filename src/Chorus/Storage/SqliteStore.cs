using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Chorus.Storage;

/// <summary>
/// The embedded store: SQLite in WAL mode, so readers work while an ingest writes. Every write of a batch
/// (articles, URLs, stories, ledger rows) happens in one transaction: a crash leaves either all of it or none.
/// A write takes SQLite's own write lock at its first statement (BEGIN IMMEDIATE).
/// </summary>
public sealed class SqliteStore : SqlStore
{
    /// <summary>
    /// How long a writer waits, by default, for another to finish its write (a batch, or the end-of-run revision of a
    /// large store) before it gives up with an error.
    /// </summary>
    public static readonly TimeSpan DefaultWriteWait = TimeSpan.FromMinutes(10);

    private SqliteStore(SqliteConnection connection, string path, TimeSpan writeWait) : base(connection, path, writeWait)
    {
    }

    private new SqliteConnection Connection => (SqliteConnection)base.Connection;

    public static SqliteStore Open(string path, bool mustExist = false, TimeSpan? writeWait = null)
    {
        if (mustExist && !File.Exists(path))
        {
            throw new StoreException($"no store at {path}; run 'chorus ingest --db {path} PATH...' first");
        }

        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            var wait = TimeSpan.FromSeconds(Math.Ceiling((writeWait ?? DefaultWriteWait).TotalSeconds));
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            // The wait comes first: another process may be creating the same store, or switching it to WAL.
            WaitUpTo(connection, wait);
            Pragma(connection, "PRAGMA journal_mode=WAL");
            Pragma(connection, "PRAGMA synchronous=NORMAL");
            Pragma(connection, "PRAGMA foreign_keys=ON");
            Schema.Migrate(connection);
            return new SqliteStore(connection, path, wait);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot open the store at {path}: {e.Message}", e);
        }
    }

    /// <summary>SQLite has one writer at a time: a write of some partitions holds the whole store, as every write does.</summary>
    protected override DbTransaction BeginWriteTransaction(IReadOnlyCollection<StorePartition>? partitions)
    {
        if (WaitingForWriter is not { } waiting)
        {
            return Connection.BeginTransaction(deferred: false);
        }

        try
        {
            WaitUpTo(Connection, TimeSpan.FromSeconds(1));
            return Connection.BeginTransaction(deferred: false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY)
        {
            waiting();
        }
        finally
        {
            WaitUpTo(Connection, WriteWait);
        }

        return Connection.BeginTransaction(deferred: false);
    }

    protected override StoreException WriteFailed(DbException e) => e is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED }
        ? new StoreException($"the store at {Path} stayed locked by another writer for more than {Waited(WriteWait)}; run again when it has finished", e)
        : new StoreException($"cannot write to the store at {Path}: {e.Message}", e);

    /// <summary>FTS5 over titles and texts (Porter stems), ranked by BM25; lower is better.</summary>
    protected override string SearchSql => """
        SELECT a.id, a.story_id, bm25(article_search)
        FROM article_search JOIN articles a ON a.seq = article_search.rowid
        WHERE article_search MATCH @query
        ORDER BY bm25(article_search), a.seq
        LIMIT @limit
        """;

    /// <summary>Each word quoted, so that FTS5 reads it as a word and never as an operator; all must match.</summary>
    protected override string? SearchQuery(string words) => Words(words) is { Count: > 0 } list ? string.Join(' ', list.Select(w => $"\"{w}\"")) : null;

    /// <summary>
    /// How long a connection's statements wait for a lock held by another connection: SQLite's busy timeout, and the
    /// driver's own, which retries a busy statement until its command timeout.
    /// </summary>
    private static void WaitUpTo(SqliteConnection connection, TimeSpan wait)
    {
        connection.DefaultTimeout = (int)wait.TotalSeconds;
        Pragma(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={(long)wait.TotalMilliseconds}"));
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
