using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Chorus.Storage;

/// <summary>
/// The shared store: PostgreSQL, for many writers on many machines. The tables and the answers are those of
/// <see cref="SqliteStore"/>. A write takes one transaction-scoped advisory lock, so writers take turns as they do on
/// SQLite's file lock, and each sees what the one before it committed; readers never wait. Full-text search uses a
/// stored tsvector column with a GIN index.
/// </summary>
public sealed class PostgresStore : SqlStore
{
    /// <summary>The advisory lock that writers take in turn ("chorus" in ASCII).</summary>
    private const long WriteLock = 0x63686F727573;

    private PostgresStore(NpgsqlConnection connection, string path, TimeSpan writeWait) : base(connection, path, writeWait)
    {
    }

    private new NpgsqlConnection Connection => (NpgsqlConnection)base.Connection;

    /// <summary>Whether a --db value names a PostgreSQL server rather than a file.</summary>
    public static bool IsUrl(string target) =>
        target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens the store at a postgres:// URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=...), creating the
    /// database when it is missing and <paramref name="mustExist"/> is false, and bringing its schema up to date.
    /// </summary>
    public static PostgresStore Open(string url, bool mustExist = false, TimeSpan? writeWait = null)
    {
        var wait = TimeSpan.FromSeconds(Math.Ceiling((writeWait ?? SqliteStore.DefaultWriteWait).TotalSeconds));
        var settings = Settings(url, wait);
        var shown = Shown(settings);
        try
        {
            var connection = Connect(settings, mustExist, shown);
            try
            {
                if (mustExist && PostgresSchema.Version(connection) == 0)
                {
                    throw new StoreException($"no store at {shown}; run 'chorus ingest --db {shown} PATH...' first");
                }

                PostgresSchema.Migrate(connection, WriteLock);
                var store = new PostgresStore(connection, shown, wait);
                if (!mustExist)
                {
                    store.IndexUnsearchable(); // a writer's job, left undone by one that stopped
                }

                return store;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        catch (NpgsqlException e)
        {
            throw new StoreException($"cannot open the store at {shown}: {Reason(e)}", e);
        }
    }

    /// <summary>
    /// Takes the advisory locks of a write: the whole store's alone, exclusive; or the whole store's shared, then each
    /// partition's (a lock on two int keys: the language's hash and the window), in the order of their keys, so that
    /// two writers that want some of the same partitions never hold one each while waiting for the other's.
    /// </summary>
    protected override DbTransaction BeginWriteTransaction(IReadOnlyCollection<StorePartition>? partitions)
    {
        var transaction = Connection.BeginTransaction();
        try
        {
            using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 0; // lock_timeout bounds the wait
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SET LOCAL lock_timeout = {(long)WriteWait.TotalMilliseconds}");
            command.ExecuteNonQuery();
            command.CommandText = partitions is null
                ? $"SELECT pg_advisory_xact_lock({WriteLock})"
                : string.Join(", ", partitions.Select(p => p.LockKeys()).Distinct().Order()
                    .Select(k => string.Create(CultureInfo.InvariantCulture, $"pg_advisory_xact_lock({k.Language}, {k.Window})"))
                    .Prepend($"SELECT pg_advisory_xact_lock_shared({WriteLock})"));
            var taking = command.ExecuteNonQueryAsync();
            if (WaitingForWriter is { } waiting && Task.WhenAny(taking, Task.Delay(TimeSpan.FromSeconds(1))).GetAwaiter().GetResult() != taking)
            {
                waiting();
            }

            taking.GetAwaiter().GetResult();
            return transaction;
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <summary>The next number of the story-number sequence, not taken.</summary>
    public override long NextStoryNumber()
    {
        using var command = Command("SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM story_numbers");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Numbers from a sequence, which writers of different partitions take from at once without waiting for each other's commit.</summary>
    protected override IReadOnlyList<long> TakeNumbers(int count)
    {
        using var command = Command("SELECT nextval('story_numbers') FROM generate_series(1, @count) ORDER BY 1", ("@count", count));
        var numbers = new List<long>(count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            numbers.Add(reader.GetInt64(0));
        }

        return numbers;
    }

    /// <summary>The search vector of each article a write stored: computed here, after the commit, so writers do not wait on it.</summary>
    protected override void AfterCommit(IReadOnlyList<string> storedArticleIds)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = $"UPDATE articles SET search = {SearchVector} WHERE id = ANY(@ids) AND search IS NULL";
        command.Parameters.AddWithValue("ids", storedArticleIds.ToArray());
        command.ExecuteNonQuery();
    }

    /// <summary>Indexes the articles that a writer stored and stopped before indexing (their vector is missing).</summary>
    private void IndexUnsearchable()
    {
        using var command = Connection.CreateCommand();
        command.CommandText = $"UPDATE articles SET search = {SearchVector} WHERE search IS NULL";
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    /// <summary>An article's search vector: English stems of its title and the first 200,000 characters of its text (a tsvector holds at most 1 MB).</summary>
    private const string SearchVector = "to_tsvector('english', coalesce(title, '') || ' ' || left(text, 200000))";

    protected override StoreException WriteFailed(DbException e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } =>
            new StoreException($"the store at {Path} stayed locked by another writer for more than {Waited(WriteWait)}; run again when it has finished", e),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } =>
            new StoreConflictException($"a write to the store at {Path} met another writer's: {Reason(e)}", e),
        _ => new StoreException($"cannot write to the store at {Path}: {Reason(e)}", e),
    };

    /// <summary>The tsvector of each article's title and text (English stems), ranked by ts_rank; negated, so lower is better.</summary>
    protected override string SearchSql => """
        SELECT a.id, a.story_id, -ts_rank(a.search, q.query)
        FROM articles a, plainto_tsquery('english', @query) q(query)
        WHERE a.search @@ q.query
        ORDER BY ts_rank(a.search, q.query) DESC, a.seq
        LIMIT @limit
        """;

    /// <summary>The words alone: plainto_tsquery reads no operators and needs every word.</summary>
    protected override string? SearchQuery(string words) => Words(words) is { Count: > 0 } list ? string.Join(' ', list) : null;

    /// <summary>The URL as Npgsql settings; a URL it cannot read is a store error that says what form it wants.</summary>
    internal static NpgsqlConnectionStringBuilder Settings(string url, TimeSpan wait)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException($"cannot read the store URL '{Redacted(url)}': expected postgres://USER:PASSWORD@HOST:PORT/DATABASE");
        }

        var settings = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "chorus",
            // Each store holds one connection of its own; writers take turns through the advisory lock.
            Pooling = false,
            CommandTimeout = (int)Math.Max(30, wait.TotalSeconds + 30),
            // The same few statements run for every article: prepared once per connection, they are not parsed and
            // planned again each time (measured: the per-article time in a worker's write transaction halves).
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
        };
        if (uri.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0)
        {
            settings.Username = Uri.UnescapeDataString(user);
        }

        if (uri.UserInfo.Split(':', 2) is [_, var password])
        {
            settings.Password = Uri.UnescapeDataString(password);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : (Uri.UnescapeDataString(pair), "");
            try
            {
                settings[key.Replace('_', ' ')] = value;
            }
            catch (ArgumentException)
            {
                throw new StoreException($"the store URL '{Redacted(url)}' has a setting PostgreSQL's driver does not know: '{key}'");
            }
        }

        return settings;
    }

    /// <summary>The store as messages name it: its URL without a password.</summary>
    private static string Shown(NpgsqlConnectionStringBuilder settings) =>
        string.Create(CultureInfo.InvariantCulture, $"postgres://{(settings.Username is { } user ? Uri.EscapeDataString(user) + "@" : "")}{settings.Host}:{settings.Port}/{Uri.EscapeDataString(settings.Database ?? "")}");

    private static string Redacted(string url) => System.Text.RegularExpressions.Regex.Replace(url, @"(?<=://[^:/@]*:)[^@]*(?=@)", "***");

    /// <summary>A connection to the store's database; a missing one is created unless the store must exist.</summary>
    private static NpgsqlConnection Connect(NpgsqlConnectionStringBuilder settings, bool mustExist, string shown)
    {
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            connection.Dispose();
            if (mustExist)
            {
                throw new StoreException($"no store at {shown}; run 'chorus ingest --db {shown} PATH...' first", e);
            }
        }

        var maintenance = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Database = "postgres" };
        using (var admin = new NpgsqlConnection(maintenance.ConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{settings.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            try
            {
                create.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another process created it first (or at the same moment: then the catalogue's unique index says so).
            }
        }

        var created = new NpgsqlConnection(settings.ConnectionString);
        created.Open();
        return created;
    }

    private static string Reason(DbException e) => e is PostgresException p ? p.MessageText : e.InnerException?.Message ?? e.Message;
}
