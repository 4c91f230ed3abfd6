using System.Globalization;
using Chorus.Extraction;
using Microsoft.Data.Sqlite;

namespace Chorus.Storage;

/// <summary>A story as the store lists it.</summary>
public sealed record StoryRow(string Id, int Articles, string? Title, DateTimeOffset? First, DateTimeOffset? Last, int Sites);

/// <summary>What one ingest run did: how many inputs were stored, skipped as duplicates, or rejected.</summary>
public sealed record LedgerCounts(int Stored, int Duplicates, int Rejected, int Skipped = 0)
{
    public int Total => Stored + Duplicates + Rejected + Skipped;
}

/// <summary>A stored article as clustering sees it, without its text: <paramref name="Features"/> is null when none of the asked version are stored.</summary>
public sealed record IndexedArticle(long Seq, string Id, string Hash, DateTimeOffset? Published, string Story, string? Features);

/// <summary>One row of the ingest ledger, to be written.</summary>
public sealed record LedgerEntry(string Input, string State, string? ArticleId, string? DuplicateOf, string? Reason);

/// <summary>
/// The embedded store: SQLite in WAL mode, so readers work while an ingest writes. Every write of a batch
/// (articles, URLs, stories, ledger rows) happens in one transaction: a crash leaves either all of it or none.
/// </summary>
public sealed class SqliteStore : IDisposable
{
    /// <summary>
    /// How long a writer waits, by default, for another to finish its write (a batch, or the end-of-run revision of a
    /// large store) before it gives up with an error.
    /// </summary>
    public static readonly TimeSpan DefaultWriteWait = TimeSpan.FromMinutes(10);

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    public string Path { get; private init; } = "";

    /// <summary>How long this store's writes wait for other writers.</summary>
    public TimeSpan WriteWait { get; private init; }

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
            return new SqliteStore(connection) { Path = path, WriteWait = wait };
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot open the store at {path}: {e.Message}", e);
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>
    /// Runs <paramref name="work"/> as one write transaction that holds the store's write lock from its first statement
    /// (BEGIN IMMEDIATE), so what it reads cannot change under it: other writers, in this process or another, wait
    /// until it commits. Store writes made inside join this transaction; if <paramref name="work"/> throws, none of
    /// them stay.
    /// </summary>
    public T Write<T>(Func<T> work)
    {
        if (_transaction is not null)
        {
            return work();
        }

        try
        {
            using var transaction = BeginWriteTransaction();
            _transaction = transaction;
            var result = work();
            transaction.Commit();
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            throw new StoreException($"the store at {Path} stayed locked by another writer for more than {Waited(WriteWait)}; run again when it has finished", e);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot write to the store at {Path}: {e.Message}", e);
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>
    /// Called when a write finds another writer holding the store for more than a second, before it waits on (up to
    /// <see cref="WriteWait"/>), so a user can be told why nothing moves.
    /// </summary>
    public Action? WaitingForWriter { get; set; }

    private SqliteTransaction BeginWriteTransaction()
    {
        if (WaitingForWriter is not { } waiting)
        {
            return _connection.BeginTransaction(deferred: false);
        }

        try
        {
            WaitUpTo(_connection, TimeSpan.FromSeconds(1));
            return _connection.BeginTransaction(deferred: false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY)
        {
            waiting();
        }
        finally
        {
            WaitUpTo(_connection, WriteWait);
        }

        return _connection.BeginTransaction(deferred: false);
    }

    /// <summary>
    /// How long a connection's statements wait for a lock held by another connection: SQLite's busy timeout, and the
    /// driver's own, which retries a busy statement until its command timeout.
    /// </summary>
    private static void WaitUpTo(SqliteConnection connection, TimeSpan wait)
    {
        connection.DefaultTimeout = (int)wait.TotalSeconds;
        Pragma(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={(long)wait.TotalMilliseconds}"));
    }

    /// <inheritdoc cref="Write{T}(Func{T})"/>
    public void Write(Action work) => Write(() =>
    {
        work();
        return true;
    });

    public string? ArticleIdByHash(string hash) => Scalar("SELECT id FROM articles WHERE content_hash = $v", hash);

    public string? ArticleIdByUrl(string canonicalUrl) => Scalar("SELECT article_id FROM article_urls WHERE url = $v", canonicalUrl);

    public bool ArticleIdExists(string id) => Scalar("SELECT id FROM articles WHERE id = $v", id) is not null;

    public int StoryCount() => int.Parse(Scalar("SELECT COUNT(*) FROM stories", "") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>Every stored article with its story, in arrival order.</summary>
    public List<(Article Article, string Story)> Articles(string? storyId = null)
    {
        using var command = Command();
        command.CommandText = "SELECT id, source, url, title, site, author, published, language, text, chrome_removed, story_id FROM articles"
            + (storyId is null ? "" : " WHERE story_id = $story") + " ORDER BY seq";
        if (storyId is not null)
        {
            command.Parameters.AddWithValue("$story", storyId);
        }

        var result = new List<(Article, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var article = new Article(
                reader.GetString(0), reader.GetString(1), Nullable(reader, 2), Nullable(reader, 3), Nullable(reader, 4), Nullable(reader, 5),
                Nullable(reader, 6) is { } published ? DateTimeOffset.Parse(published, CultureInfo.InvariantCulture) : null,
                Nullable(reader, 7), reader.GetString(8))
            {
                ChromeRemoved = reader.GetInt32(9),
            };
            result.Add((article, reader.GetString(10)));
        }

        return result;
    }

    /// <summary>The ids of a story's articles, in arrival order, read without their text.</summary>
    public List<string> ArticleIdsOf(string storyId)
    {
        using var command = Command();
        command.CommandText = "SELECT id FROM articles WHERE story_id = $story ORDER BY seq";
        command.Parameters.AddWithValue("$story", storyId);
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// The stored articles after <paramref name="afterSeq"/> in arrival order, without their text: each one's place in
    /// that order, id, content hash, publication time, story, and its clustering features when they were stored with
    /// <paramref name="featuresVersion"/>.
    /// </summary>
    public List<IndexedArticle> ArticleIndex(string featuresVersion, long afterSeq = 0)
    {
        using var command = Command();
        command.CommandText = """
            SELECT a.seq, a.id, a.content_hash, a.published, a.story_id, f.features
            FROM articles a LEFT JOIN article_features f ON f.article_id = a.id AND f.version = $version
            WHERE a.seq > $after
            ORDER BY a.seq
            """;
        command.Parameters.AddWithValue("$version", featuresVersion);
        command.Parameters.AddWithValue("$after", afterSeq);
        var result = new List<IndexedArticle>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new IndexedArticle(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                Nullable(reader, 3) is { } published ? DateTimeOffset.Parse(published, CultureInfo.InvariantCulture) : null,
                reader.GetString(4),
                Nullable(reader, 5)));
        }

        return result;
    }

    /// <summary>The story of every stored article up to <paramref name="lastSeq"/>, in arrival order.</summary>
    public List<string> StoriesOfArticles(long lastSeq)
    {
        using var command = Command();
        command.CommandText = "SELECT story_id FROM articles WHERE seq <= $last ORDER BY seq";
        command.Parameters.AddWithValue("$last", lastSeq);
        var stories = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stories.Add(reader.GetString(0));
        }

        return stories;
    }

    /// <summary>
    /// Where the store stands: the arrival number of its last article, and how many revisions have moved articles
    /// between stories. A writer that saw the same two numbers saw the same stories.
    /// </summary>
    public (long LastSeq, long Revision) Position()
    {
        using var command = Command();
        command.CommandText = "SELECT (SELECT COALESCE(MAX(seq), 0) FROM articles), (SELECT value FROM counters WHERE name = 'revision')";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The number the next new story will get.</summary>
    public long NextStoryNumber()
    {
        using var command = Command();
        command.CommandText = "SELECT value FROM counters WHERE name = 'next_story'";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Takes <paramref name="count"/> story numbers that no story has had: a story that a revision merged away keeps
    /// its number to itself, so an old link never leads to another story. Call it inside <see cref="Write{T}"/>.
    /// </summary>
    public long TakeStoryNumbers(int count)
    {
        RequireWrite();
        using var command = Command();
        command.CommandText = "UPDATE counters SET value = value + $count WHERE name = 'next_story' RETURNING value - $count";
        command.Parameters.AddWithValue("$count", count);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Stores articles' clustering features (replacing those of another version).</summary>
    public void SaveFeatures(string version, IReadOnlyList<(string ArticleId, string Features)> features)
    {
        if (features.Count == 0)
        {
            return;
        }

        Write(() =>
        {
            foreach (var (article, encoded) in features)
            {
                Execute("INSERT OR REPLACE INTO article_features (article_id, version, features) VALUES ($id, $version, $features)", ("$id", article), ("$version", version), ("$features", encoded));
            }
        });
    }

    public List<StoryRow> Stories()
    {
        using var command = Command();
        command.CommandText = """
            SELECT x.id, x.articles, x.first, x.last, x.sites,
                   CASE WHEN NOT x.titled THEN (SELECT substr(text, 1, 200) FROM articles WHERE story_id = x.id ORDER BY seq LIMIT 1) END
            FROM (SELECT s.id AS id, COUNT(a.id) AS articles,
                         EXISTS (SELECT 1 FROM articles WHERE story_id = s.id AND title IS NOT NULL AND title <> '') AS titled,
                         MIN(a.published) AS first, MAX(a.published) AS last, COUNT(DISTINCT a.site) AS sites, MIN(a.seq) AS opened
                  FROM stories s JOIN articles a ON a.story_id = s.id
                  GROUP BY s.id) x
            ORDER BY x.articles DESC, x.opened
            """;
        var rows = new List<StoryRow>();
        var headlines = Headlines();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StoryRow(
                reader.GetString(0), reader.GetInt32(1), headlines.GetValueOrDefault(reader.GetString(0)) ?? Headline(Nullable(reader, 5)),
                Nullable(reader, 2) is { } first ? DateTimeOffset.Parse(first, CultureInfo.InvariantCulture) : null,
                Nullable(reader, 3) is { } last ? DateTimeOffset.Parse(last, CultureInfo.InvariantCulture) : null,
                reader.GetInt32(4)));
        }

        return rows;
    }

    /// <summary>
    /// Each story's title: the most representative of its articles' headlines (<see cref="Summary.StoryTitle"/>), so
    /// that neither the first stored nor a late outlier names a story the rest of its coverage names otherwise.
    /// </summary>
    private Dictionary<string, string> Headlines()
    {
        using var command = Command();
        command.CommandText = "SELECT story_id, title FROM articles WHERE story_id IS NOT NULL AND title IS NOT NULL AND title <> '' ORDER BY seq";
        var byStory = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var story = reader.GetString(0);
            (byStory.TryGetValue(story, out var list) ? list : byStory[story] = []).Add(reader.GetString(1));
        }

        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (story, list) in byStory)
        {
            var chosen = Summary.StoryTitle.Representative(list);
            titles[story] = list[chosen < 0 ? 0 : chosen];
        }

        return titles;
    }

    /// <summary>
    /// A title for a story whose articles have none: the first sentence of its first article's text, cut after a word
    /// once it passes 80 characters.
    /// </summary>
    internal static string? Headline(string? text)
    {
        var line = text?.Trim().Split('\n', 2)[0].Trim();
        if (string.IsNullOrEmpty(line))
        {
            return null;
        }

        line = Text.SentenceSplitter.Split(line, 1) is [var first] ? first.Of(line) : line;
        if (line.Length <= 100)
        {
            return line;
        }

        var cut = line.IndexOf(' ', 80);
        return cut < 0 || cut > 100 ? line[..80].TrimEnd() + "…" : line[..cut].TrimEnd(',', ';', ':') + "…";
    }

    public long BeginRun(DateTimeOffset now) => Write(() =>
    {
        using var command = Command();
        command.CommandText = "INSERT INTO ingest_runs (started_at) VALUES ($at); SELECT last_insert_rowid();";
        command.Parameters.AddWithValue("$at", Iso(now));
        return (long)command.ExecuteScalar()!;
    });

    public void FinishRun(long run, DateTimeOffset now) =>
        Write(() => Execute("UPDATE ingest_runs SET finished_at = $at WHERE id = $run", ("$at", Iso(now)), ("$run", run)));

    /// <summary>
    /// Writes one batch atomically: new or grown stories, new articles with their URLs and story, extra URLs of
    /// duplicates, and the ledger rows. The caller decides stories and ids inside <see cref="Write{T}"/>, from what the
    /// store holds then, and commits within it.
    /// </summary>
    public void Commit(
        long run,
        DateTimeOffset now,
        IReadOnlyList<(Article Article, string Hash, string Story)> articles,
        IReadOnlyList<(string Url, string ArticleId)> urls,
        IReadOnlyList<LedgerEntry> ledger) => Write(() =>
    {
        foreach (var story in articles.Select(a => a.Story).Distinct(StringComparer.Ordinal))
        {
            UpsertStory(story, now);
        }

        foreach (var (article, hash, story) in articles)
        {
            Execute(
                """
                INSERT INTO articles (id, content_hash, source, url, title, site, author, published, language, text, chrome_removed, story_id, ingested_at)
                VALUES ($id, $hash, $source, $url, $title, $site, $author, $published, $language, $text, $chrome, $story, $at)
                """,
                ("$id", article.Id), ("$hash", hash), ("$source", article.Source), ("$url", article.Url), ("$title", article.Title),
                ("$site", article.Site), ("$author", article.Author), ("$published", article.Published is { } p ? Iso(p) : null),
                ("$language", article.Language), ("$text", article.Text), ("$chrome", article.ChromeRemoved), ("$story", story), ("$at", Iso(now)));
        }

        foreach (var (url, articleId) in urls)
        {
            Execute("INSERT OR IGNORE INTO article_urls (url, article_id) VALUES ($url, $id)", ("$url", url), ("$id", articleId));
        }

        foreach (var entry in ledger)
        {
            Execute(
                "INSERT INTO ledger (run_id, input, state, article_id, duplicate_of, reason, at) VALUES ($run, $input, $state, $article, $dup, $reason, $at)",
                ("$run", run), ("$input", entry.Input), ("$state", entry.State), ("$article", entry.ArticleId), ("$dup", entry.DuplicateOf), ("$reason", entry.Reason), ("$at", Iso(now)));
        }
    });

    /// <summary>
    /// Moves stored articles to other stories in one transaction (a story may gain a new id), drops the stories left
    /// without articles, and counts the revision, so that other writers know to read the stories again.
    /// </summary>
    public void Revise(DateTimeOffset now, IReadOnlyList<(string ArticleId, string Story)> moves)
    {
        if (moves.Count == 0)
        {
            return;
        }

        Write(() =>
        {
            foreach (var story in moves.Select(m => m.Story).Distinct(StringComparer.Ordinal))
            {
                UpsertStory(story, now);
            }

            foreach (var (article, story) in moves)
            {
                Execute("UPDATE articles SET story_id = $story WHERE id = $id", ("$story", story), ("$id", article));
            }

            Execute("DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM articles WHERE story_id = stories.id)");
            Execute("UPDATE counters SET value = value + 1 WHERE name = 'revision'");
        });
    }

    public LedgerCounts Counts(long run)
    {
        using var command = Command();
        command.CommandText = "SELECT state, COUNT(*) FROM ledger WHERE run_id = $run GROUP BY state";
        command.Parameters.AddWithValue("$run", run);
        int stored = 0, duplicates = 0, rejected = 0, skipped = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            switch (reader.GetString(0))
            {
                case "stored": stored = reader.GetInt32(1); break;
                case "duplicate": duplicates = reader.GetInt32(1); break;
                case "skipped": skipped = reader.GetInt32(1); break;
                default: rejected += reader.GetInt32(1); break;
            }
        }

        return new LedgerCounts(stored, duplicates, rejected, skipped);
    }

    private static string Waited(TimeSpan wait) => wait.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalMinutes:0.#} minutes")
        : string.Create(CultureInfo.InvariantCulture, $"{wait.TotalSeconds:0} second{(wait.TotalSeconds == 1 ? "" : "s")}");

    private static string Iso(DateTimeOffset when) => when.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string? Scalar(string sql, string value)
    {
        using var command = Command();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$v", value);
        return command.ExecuteScalar() switch
        {
            null or DBNull => null,
            var result => Convert.ToString(result, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A command on the store's connection, in its write transaction when one is open.</summary>
    private SqliteCommand Command()
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        return command;
    }

    private void RequireWrite()
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("this store call must run inside SqliteStore.Write");
        }
    }

    /// <summary>Creates the story, or marks an existing one as updated now.</summary>
    private void UpsertStory(string story, DateTimeOffset now) =>
        Execute("INSERT INTO stories (id, created_at, updated_at) VALUES ($id, $at, $at) ON CONFLICT(id) DO UPDATE SET updated_at = $at", ("$id", story), ("$at", Iso(now)));

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
