using System.Data.Common;
using System.Globalization;
using Chorus.Extraction;

namespace Chorus.Storage;

/// <summary>
/// What the two engines share: the same tables, the same SQL (parameters named with '@', upserts with ON CONFLICT,
/// RETURNING), and times kept as ISO 8601 text with the offset the source gave. An engine supplies its connection, how a
/// write transaction takes the store's write lock, what its errors mean, and its full-text search.
/// </summary>
public abstract class SqlStore : IStore
{
    private DbTransaction? _transaction;
    private readonly List<string> _stored = []; // articles the open write transaction stored, for AfterCommit

    protected SqlStore(DbConnection connection, string path, TimeSpan writeWait)
    {
        Connection = connection;
        Path = path;
        WriteWait = writeWait;
    }

    protected DbConnection Connection { get; }

    public string Path { get; }

    public TimeSpan WriteWait { get; }

    public Action? WaitingForWriter { get; set; }

    public virtual void Dispose() => Connection.Dispose();

    public T Write<T>(Func<T> work) => WriteHolding(null, work);

    public T Write<T>(IReadOnlyCollection<StorePartition> partitions, Func<T> work) => WriteHolding(partitions, work);

    /// <summary>A write transaction over these partitions, or over the whole store when they are null; one already open is joined.</summary>
    private T WriteHolding<T>(IReadOnlyCollection<StorePartition>? partitions, Func<T> work)
    {
        if (_transaction is not null)
        {
            return work();
        }

        T result;
        _stored.Clear(); // what a failed write had noted is not stored
        try
        {
            using var transaction = BeginWriteTransaction(partitions);
            _transaction = transaction;
            result = work();
            transaction.Commit();
        }
        catch (DbException e)
        {
            throw WriteFailed(e);
        }
        finally
        {
            _transaction = null;
        }

        if (_stored.Count > 0)
        {
            var stored = _stored.ToList();
            _stored.Clear();
            try
            {
                AfterCommit(stored);
            }
            catch (DbException e)
            {
                throw WriteFailed(e);
            }
        }

        return result;
    }

    /// <summary>
    /// Runs after a write transaction that stored articles has committed, outside the writers' lock: work on those
    /// articles alone that need not hold other writers back (PostgreSQL computes their search vectors here).
    /// </summary>
    protected virtual void AfterCommit(IReadOnlyList<string> storedArticleIds)
    {
    }

    public void Write(Action work) => Write(() =>
    {
        work();
        return true;
    });

    /// <summary>
    /// Begins a transaction that holds the store's write lock, waiting up to <see cref="WriteWait"/> for it: the lock of
    /// these partitions with the rest of the store shared, or of the whole store when they are null.
    /// </summary>
    protected abstract DbTransaction BeginWriteTransaction(IReadOnlyCollection<StorePartition>? partitions);

    /// <summary>A failed write in words a user can act on: another writer held the lock too long, or the engine's reason.</summary>
    protected abstract StoreException WriteFailed(DbException e);

    /// <summary>The engine's search: parameters @query (from <see cref="SearchQuery"/>) and @limit; columns article id, story id, rank.</summary>
    protected abstract string SearchSql { get; }

    /// <summary>The user's words as the engine's query, or null when they hold no word to search for.</summary>
    protected abstract string? SearchQuery(string words);

    /// <summary>The text the wait message gives for a wait.</summary>
    protected static string Waited(TimeSpan wait) => wait.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalMinutes:0.#} minutes")
        : string.Create(CultureInfo.InvariantCulture, $"{wait.TotalSeconds:0} second{(wait.TotalSeconds == 1 ? "" : "s")}");

    /// <summary>The words of a query: runs of letters and digits, at most 32 of them.</summary>
    protected static List<string> Words(string query) =>
        System.Text.RegularExpressions.Regex.Matches(query, @"[\p{L}\p{N}]+").Select(m => m.Value).Take(32).ToList();

    public Dictionary<string, string> ArticleIdsByHash(IReadOnlyCollection<string> hashes) =>
        Pairs("SELECT content_hash, id FROM articles WHERE content_hash IN ({0})", hashes);

    public HashSet<string> TakenArticleIds(IReadOnlyCollection<string> ids) =>
        Pairs("SELECT id, id FROM articles WHERE id IN ({0})", ids).Keys.ToHashSet(StringComparer.Ordinal);

    public Dictionary<string, string> ArticleIdsByUrl(IReadOnlyCollection<string> canonicalUrls) =>
        Pairs("SELECT url, article_id FROM article_urls WHERE url IN ({0})", canonicalUrls);

    public int StoryCount()
    {
        using var command = Command("SELECT COUNT(*) FROM stories");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public List<(Article Article, string Story)> Articles(string? storyId = null)
    {
        using var command = Command(
            "SELECT id, source, url, title, site, author, published, language, text, chrome_removed, story_id FROM articles"
            + (storyId is null ? "" : " WHERE story_id = @story") + " ORDER BY seq",
            storyId is null ? [] : [("@story", storyId)]);
        var result = new List<(Article, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var article = new Article(
                reader.GetString(0), reader.GetString(1), Nullable(reader, 2), Nullable(reader, 3), Nullable(reader, 4), Nullable(reader, 5),
                Time(reader, 6), Nullable(reader, 7), reader.GetString(8))
            {
                ChromeRemoved = Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
            };
            result.Add((article, reader.GetString(10)));
        }

        return result;
    }

    public List<string> ArticleIdsOf(string storyId) =>
        Strings("SELECT id FROM articles WHERE story_id = @story ORDER BY seq", ("@story", storyId));

    public List<IndexedArticle> ArticleIndex(string featuresVersion, long afterSeq = 0, IReadOnlyCollection<StorePartition>? partitions = null)
    {
        var keys = partitions?.Select((p, i) => ($"@part{i}", (object?)p.Key)).ToList() ?? [];
        using var command = Command(
            $"""
            SELECT a.seq, a.id, a.content_hash, a.published, a.story_id, f.features
            FROM articles a LEFT JOIN article_features f ON f.article_id = a.id AND f.version = @version
            WHERE {(partitions is null ? "" : $"a.part IN ({string.Join(", ", keys.Select(k => k.Item1).DefaultIfEmpty("NULL"))}) AND ")}a.seq > @after
            ORDER BY a.seq
            """,
            [("@version", featuresVersion), ("@after", afterSeq), .. keys]);
        var result = new List<IndexedArticle>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new IndexedArticle(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Time(reader, 3), reader.GetString(4), Nullable(reader, 5)));
        }

        return result;
    }

    public List<(long Seq, string Story)> StoriesOfArticles()
    {
        using var command = Command("SELECT seq, story_id FROM articles ORDER BY seq");
        var stories = new List<(long, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stories.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return stories;
    }

    public (long LastSeq, long Revision) Position()
    {
        using var command = Command("SELECT (SELECT COALESCE(MAX(seq), 0) FROM articles), (SELECT value FROM counters WHERE name = 'revision')");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public virtual long NextStoryNumber()
    {
        using var command = Command("SELECT value FROM counters WHERE name = 'next_story'");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<long> TakeStoryNumbers(int count)
    {
        RequireWrite();
        return count <= 0 ? [] : TakeNumbers(count);
    }

    /// <summary>Takes <paramref name="count"/> (at least one) story numbers, inside a write: from the counters row, which the one writer holds.</summary>
    protected virtual IReadOnlyList<long> TakeNumbers(int count)
    {
        using var command = Command("UPDATE counters SET value = value + @count WHERE name = 'next_story' RETURNING value - @count", ("@count", (long)count));
        var first = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return Enumerable.Range(0, count).Select(k => first + k).ToList();
    }

    public long RevisedThrough()
    {
        using var command = Command("SELECT COALESCE((SELECT value FROM counters WHERE name = 'revised_through'), -1)");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void MarkRevised(long lastSeq)
    {
        RequireWrite();
        Execute(
            "INSERT INTO counters (name, value) VALUES ('revised_through', @seq) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            ("@seq", lastSeq));
    }

    public void SaveFeatures(string version, IReadOnlyList<(string ArticleId, string Features)> features)
    {
        if (features.Count == 0)
        {
            return;
        }

        Write(() => InsertRows(
            "INSERT INTO article_features (article_id, version, features)",
            "ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, features = excluded.features",
            features.DistinctBy(f => f.ArticleId, StringComparer.Ordinal).Select(f => new object?[] { f.ArticleId, version, f.Features }).ToList()));
    }

    public List<StoryRow> Stories()
    {
        using var command = Command(
            """
            SELECT x.id, x.articles, x.first, x.last, x.sites,
                   CASE WHEN NOT x.titled THEN (SELECT substr(text, 1, 200) FROM articles WHERE story_id = x.id ORDER BY seq LIMIT 1) END
            FROM (SELECT s.id AS id, COUNT(a.id) AS articles,
                         EXISTS (SELECT 1 FROM articles WHERE story_id = s.id AND title IS NOT NULL AND title <> '') AS titled,
                         MIN(a.published) AS first, MAX(a.published) AS last, COUNT(DISTINCT a.site) AS sites, MIN(a.seq) AS opened
                  FROM stories s JOIN articles a ON a.story_id = s.id
                  GROUP BY s.id) x
            ORDER BY x.articles DESC, x.opened
            """);
        var rows = new List<StoryRow>();
        var headlines = Headlines();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StoryRow(
                reader.GetString(0),
                Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                headlines.GetValueOrDefault(reader.GetString(0)) ?? Headline(Nullable(reader, 5)),
                Time(reader, 2),
                Time(reader, 3),
                Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public List<SearchHit> Search(string query, int limit = 100)
    {
        if (SearchQuery(query) is not { } engineQuery)
        {
            return [];
        }

        using var command = Command(SearchSql, ("@query", engineQuery), ("@limit", (long)limit));
        var hits = new List<SearchHit>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return hits;
    }

    /// <summary>
    /// Each story's title: the most representative of its articles' headlines (<see cref="Summary.StoryTitle"/>), so
    /// that neither the first stored nor a late outlier names a story the rest of its coverage names otherwise.
    /// </summary>
    private Dictionary<string, string> Headlines()
    {
        using var command = Command("SELECT story_id, title FROM articles WHERE story_id IS NOT NULL AND title IS NOT NULL AND title <> '' ORDER BY seq");
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
        using var command = Command("INSERT INTO ingest_runs (started_at) VALUES (@at) RETURNING id", ("@at", Iso(now)));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    public void FinishRun(long run, DateTimeOffset now) =>
        Write(() => Execute("UPDATE ingest_runs SET finished_at = @at WHERE id = @run", ("@at", Iso(now)), ("@run", run)));

    public void Commit(
        long run,
        DateTimeOffset now,
        IReadOnlyList<NewArticle> articles,
        IReadOnlyList<(string Url, string ArticleId)> urls,
        IReadOnlyList<LedgerEntry> ledger) => Write(() =>
    {
        // One statement per table and hundred rows: a batch's write is a few round trips, not several per article.
        UpsertStories(articles.Select(a => a.Story), now);
        _stored.AddRange(articles.Select(a => a.Article.Id));
        InsertRows(
            "INSERT INTO articles (id, content_hash, source, url, title, site, author, published, language, text, chrome_removed, story_id, ingested_at, part)",
            "",
            articles.Select(x => new object?[]
            {
                x.Article.Id, x.Hash, x.Article.Source, x.Article.Url, x.Article.Title, x.Article.Site, x.Article.Author,
                x.Article.Published is { } p ? Iso(p) : null, x.Article.Language, x.Article.Text, x.Article.ChromeRemoved, x.Story, Iso(now),
                x.Partition.Key,
            }).ToList());
        InsertRows(
            "INSERT INTO article_urls (url, article_id)",
            "", // free when the batch was sorted; taken since only by another partition's writer, which fails this write
            articles.SelectMany(a => a.Urls.Select(url => new object?[] { url, a.Article.Id })).DistinctBy(row => (string)row[0]!, StringComparer.Ordinal).ToList());
        InsertRows(
            "INSERT INTO article_urls (url, article_id)",
            "ON CONFLICT (url) DO NOTHING",
            urls.Select(u => new object?[] { u.Url, u.ArticleId }).ToList());
        InsertRows(
            "INSERT INTO ledger (run_id, input, state, article_id, duplicate_of, reason, at, input_key)",
            "",
            ledger.Select(e => new object?[] { run, e.Input, e.State, e.ArticleId, e.DuplicateOf, e.Reason, Iso(now), e.InputKey }).ToList());
    });

    public void Revise(DateTimeOffset now, IReadOnlyList<(string ArticleId, string Story)> moves)
    {
        if (moves.Count == 0)
        {
            return;
        }

        Write(() =>
        {
            UpsertStories(moves.Select(m => m.Story), now);
            foreach (var (article, story) in moves)
            {
                Execute("UPDATE articles SET story_id = @story WHERE id = @id", ("@story", story), ("@id", article));
            }

            Execute("DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM articles WHERE story_id = stories.id)");
            Execute("DELETE FROM story_briefs WHERE NOT EXISTS (SELECT 1 FROM stories WHERE id = story_briefs.story_id)");
            Execute("UPDATE counters SET value = value + 1 WHERE name = 'revision'");
        });
    }

    public LedgerCounts Counts(long run) => Counts("WHERE run_id = @run", ("@run", run));

    public LedgerCounts Counts() => Counts("");

    public HashSet<string> LedgeredKeys(IReadOnlyCollection<string> keys) =>
        Pairs("SELECT input_key, input_key FROM ledger WHERE input_key IN ({0})", keys).Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The (key, value) rows of a query over many keys, asked 500 keys at a time: their list goes in place of {0}.</summary>
    private Dictionary<string, string> Pairs(string sql, IReadOnlyCollection<string> keys)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var names = chunk.Select((_, i) => $"@k{i}").ToList();
            using var command = Command(string.Format(CultureInfo.InvariantCulture, sql, string.Join(", ", names)), chunk.Select((key, i) => (names[i], (object?)key)).ToArray());
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found.TryAdd(reader.GetString(0), reader.GetString(1));
            }
        }

        return found;
    }

    private LedgerCounts Counts(string where, params (string Name, object? Value)[] parameters)
    {
        using var command = Command($"SELECT state, COUNT(*) FROM ledger {where} GROUP BY state", parameters);
        int stored = 0, duplicates = 0, rejected = 0, skipped = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            switch (reader.GetString(0))
            {
                case "stored": stored = count; break;
                case "duplicate": duplicates = count; break;
                case "skipped": skipped = count; break;
                default: rejected += count; break;
            }
        }

        return new LedgerCounts(stored, duplicates, rejected, skipped);
    }

    public CachedBrief? CachedBrief(string storyId)
    {
        using var command = Command("SELECT fingerprint, brief, built_at FROM story_briefs WHERE story_id = @id", ("@id", storyId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new CachedBrief(storyId, reader.GetString(0), reader.GetString(1), Time(reader, 2)!.Value) : null;
    }

    public Dictionary<string, string> BriefFingerprints()
    {
        using var command = Command("SELECT story_id, fingerprint FROM story_briefs");
        using var reader = command.ExecuteReader();
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            fingerprints[reader.GetString(0)] = reader.GetString(1);
        }

        return fingerprints;
    }

    public void SaveBrief(CachedBrief brief) => Write(() => Execute(
        """
        INSERT INTO story_briefs (story_id, fingerprint, brief, built_at) VALUES (@id, @fingerprint, @brief, @at)
        ON CONFLICT (story_id) DO UPDATE SET fingerprint = excluded.fingerprint, brief = excluded.brief, built_at = excluded.built_at
        """,
        ("@id", brief.Story), ("@fingerprint", brief.Fingerprint), ("@brief", brief.Brief), ("@at", Iso(brief.BuiltAt))));

    protected static string Iso(DateTimeOffset when) => when.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string? Nullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        Nullable(reader, ordinal) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;

    private List<string> Strings(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>A command on the store's connection, in its write transaction when one is open.</summary>
    protected DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private void RequireWrite()
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("this store call must run inside IStore.Write");
        }
    }

    /// <summary>
    /// Creates these stories, or marks them updated now, a hundred to a statement, in the order of their ids: writers of
    /// two partitions that grow the same stories lock their rows in one order, so neither waits on the other in turn.
    /// </summary>
    private void UpsertStories(IEnumerable<string> stories, DateTimeOffset now) => InsertRows(
        "INSERT INTO stories (id, created_at, updated_at)",
        "ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at",
        stories.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(story => new object?[] { story, Iso(now), Iso(now) }).ToList());

    /// <summary>Inserts rows a hundred to a statement: <paramref name="insert"/> VALUES (...), (...) <paramref name="onConflict"/>.</summary>
    private void InsertRows(string insert, string onConflict, IReadOnlyList<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(100))
        {
            var values = new System.Text.StringBuilder();
            var parameters = new List<(string, object?)>(chunk.Length * chunk[0].Length);
            for (var r = 0; r < chunk.Length; r++)
            {
                values.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < chunk[r].Length; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                    values.Append(c == 0 ? "" : ", ").Append(name);
                    parameters.Add((name, chunk[r][c]));
                }

                values.Append(')');
            }

            Execute($"{insert} VALUES {values} {onConflict}", parameters.ToArray());
        }
    }

    protected void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }
}
