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

/// <summary>One row of the ingest ledger, to be written.</summary>
public sealed record LedgerEntry(string Input, string State, string? ArticleId, string? DuplicateOf, string? Reason);

/// <summary>
/// The embedded store: SQLite in WAL mode, so readers work while an ingest writes. Every write of a batch
/// (articles, URLs, stories, ledger rows) happens in one transaction: a crash leaves either all of it or none.
/// </summary>
public sealed class SqliteStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    public string Path { get; private init; } = "";

    public static SqliteStore Open(string path, bool mustExist = false)
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

            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            Pragma(connection, "PRAGMA journal_mode=WAL");
            Pragma(connection, "PRAGMA synchronous=NORMAL");
            Pragma(connection, "PRAGMA busy_timeout=10000");
            Pragma(connection, "PRAGMA foreign_keys=ON");
            Schema.Migrate(connection);
            return new SqliteStore(connection) { Path = path };
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot open the store at {path}: {e.Message}", e);
        }
    }

    public void Dispose() => _connection.Dispose();

    public string? ArticleIdByHash(string hash) => Scalar("SELECT id FROM articles WHERE content_hash = $v", hash);

    public string? ArticleIdByUrl(string canonicalUrl) => Scalar("SELECT article_id FROM article_urls WHERE url = $v", canonicalUrl);

    public bool ArticleIdExists(string id) => Scalar("SELECT id FROM articles WHERE id = $v", id) is not null;

    public int StoryCount() => int.Parse(Scalar("SELECT COUNT(*) FROM stories", "") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>Every stored article with its story, in arrival order.</summary>
    public List<(Article Article, string Story)> Articles(string? storyId = null)
    {
        using var command = _connection.CreateCommand();
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
        using var command = _connection.CreateCommand();
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
    /// Every stored article without its text, in arrival order: its id, publication time, story, and its clustering
    /// features when they were stored with <paramref name="featuresVersion"/>.
    /// </summary>
    public List<(string Id, DateTimeOffset? Published, string Story, string? Features)> ArticleIndex(string featuresVersion)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.published, a.story_id, f.features
            FROM articles a LEFT JOIN article_features f ON f.article_id = a.id AND f.version = $version
            ORDER BY a.seq
            """;
        command.Parameters.AddWithValue("$version", featuresVersion);
        var result = new List<(string, DateTimeOffset?, string, string?)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add((
                reader.GetString(0),
                Nullable(reader, 1) is { } published ? DateTimeOffset.Parse(published, CultureInfo.InvariantCulture) : null,
                reader.GetString(2),
                Nullable(reader, 3)));
        }

        return result;
    }

    /// <summary>Stores articles' clustering features (replacing those of another version).</summary>
    public void SaveFeatures(string version, IReadOnlyList<(string ArticleId, string Features)> features)
    {
        if (features.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        foreach (var (article, encoded) in features)
        {
            Execute(transaction, "INSERT OR REPLACE INTO article_features (article_id, version, features) VALUES ($id, $version, $features)", ("$id", article), ("$version", version), ("$features", encoded));
        }

        transaction.Commit();
    }

    public List<StoryRow> Stories()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT x.id, x.articles, x.title, x.first, x.last, x.sites,
                   CASE WHEN x.title IS NULL THEN (SELECT substr(text, 1, 200) FROM articles WHERE story_id = x.id ORDER BY seq LIMIT 1) END
            FROM (SELECT s.id AS id, COUNT(a.id) AS articles,
                         (SELECT title FROM articles WHERE story_id = s.id AND title IS NOT NULL AND title <> '' ORDER BY seq LIMIT 1) AS title,
                         MIN(a.published) AS first, MAX(a.published) AS last, COUNT(DISTINCT a.site) AS sites, MIN(a.seq) AS opened
                  FROM stories s JOIN articles a ON a.story_id = s.id
                  GROUP BY s.id) x
            ORDER BY x.articles DESC, x.opened
            """;
        var rows = new List<StoryRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StoryRow(
                reader.GetString(0), reader.GetInt32(1), Nullable(reader, 2) ?? Headline(Nullable(reader, 6)),
                Nullable(reader, 3) is { } first ? DateTimeOffset.Parse(first, CultureInfo.InvariantCulture) : null,
                Nullable(reader, 4) is { } last ? DateTimeOffset.Parse(last, CultureInfo.InvariantCulture) : null,
                reader.GetInt32(5)));
        }

        return rows;
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

    public long BeginRun(DateTimeOffset now)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO ingest_runs (started_at) VALUES ($at); SELECT last_insert_rowid();";
        command.Parameters.AddWithValue("$at", Iso(now));
        return (long)command.ExecuteScalar()!;
    }

    public void FinishRun(long run, DateTimeOffset now)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "UPDATE ingest_runs SET finished_at = $at WHERE id = $run";
        command.Parameters.AddWithValue("$at", Iso(now));
        command.Parameters.AddWithValue("$run", run);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Writes one batch atomically: new or grown stories, new articles with their URLs
    /// and story, extra URLs of duplicates, and the ledger rows.
    /// </summary>
    public void Commit(
        long run,
        DateTimeOffset now,
        IReadOnlyList<(Article Article, string Hash, string Story)> articles,
        IReadOnlyList<(string Url, string ArticleId)> urls,
        IReadOnlyList<LedgerEntry> ledger)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var story in articles.Select(a => a.Story).Distinct(StringComparer.Ordinal))
        {
            UpsertStory(transaction, story, now);
        }

        foreach (var (article, hash, story) in articles)
        {
            Execute(
                transaction,
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
            Execute(transaction, "INSERT OR IGNORE INTO article_urls (url, article_id) VALUES ($url, $id)", ("$url", url), ("$id", articleId));
        }

        foreach (var entry in ledger)
        {
            Execute(
                transaction,
                "INSERT INTO ledger (run_id, input, state, article_id, duplicate_of, reason, at) VALUES ($run, $input, $state, $article, $dup, $reason, $at)",
                ("$run", run), ("$input", entry.Input), ("$state", entry.State), ("$article", entry.ArticleId), ("$dup", entry.DuplicateOf), ("$reason", entry.Reason), ("$at", Iso(now)));
        }

        transaction.Commit();
    }

    /// <summary>
    /// Moves stored articles to other stories in one transaction (a story may gain a new id), and drops the stories
    /// left without articles.
    /// </summary>
    public void Revise(DateTimeOffset now, IReadOnlyList<(string ArticleId, string Story)> moves)
    {
        if (moves.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        foreach (var story in moves.Select(m => m.Story).Distinct(StringComparer.Ordinal))
        {
            UpsertStory(transaction, story, now);
        }

        foreach (var (article, story) in moves)
        {
            Execute(transaction, "UPDATE articles SET story_id = $story WHERE id = $id", ("$story", story), ("$id", article));
        }

        Execute(transaction, "DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM articles WHERE story_id = stories.id)");
        transaction.Commit();
    }

    public LedgerCounts Counts(long run)
    {
        using var command = _connection.CreateCommand();
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
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$v", value);
        return command.ExecuteScalar() switch
        {
            null or DBNull => null,
            var result => Convert.ToString(result, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Creates the story, or marks an existing one as updated now.</summary>
    private void UpsertStory(SqliteTransaction transaction, string story, DateTimeOffset now) =>
        Execute(transaction, "INSERT INTO stories (id, created_at, updated_at) VALUES ($id, $at, $at) ON CONFLICT(id) DO UPDATE SET updated_at = $at", ("$id", story), ("$at", Iso(now)));

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
