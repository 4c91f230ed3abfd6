using Chorus.IntegrationTests.Support;
using Chorus.Storage;

namespace Chorus.IntegrationTests.Storage;

/// <summary>
/// The store's contract, through the CLI and through its own calls. Most tests run on both engines: SQLite, and
/// PostgreSQL where a server is at hand (<see cref="TestStores"/>); the rest test SQLite's files and migrations.
/// </summary>
public sealed class StoreTests : IDisposable
{
    private readonly TestStores _stores = new();

    private string Folder => _stores.Directory;

    private string Database => _stores.New(TestStores.Sqlite);

    public void Dispose() => _stores.Dispose();

    private static string Sample(string name) => Path.Combine(Repository.Samples, name);

    [Theory, OnSqlite, OnPostgres]
    public void AStoryIsTitledByTheHeadlineItsCoverageSharesAndFirstSeenOnItsEarliestReport(string engine)
    {
        var database = _stores.New(engine);
        // The outlier comes first in the input but is the latest report; its headline names something else.
        string Line(string id, string day, string title, string text) =>
            System.Text.Json.JsonSerializer.Serialize(new { id, title, published = $"2026-03-{day}T09:00:00Z", text });
        const string Body = "The Baltic Fisheries Council agreed to cut the cod quota by 12 percent and to set up a fund for trawler crews in Narva.";
        File.WriteAllLines(Path.Combine(Folder, "coverage.jsonl"),
        [
            Line("late", "20", "Harbour festival draws record crowds", Body + " A festival in the harbour drew crowds at the weekend."),
            Line("wire", "11", "Council cuts cod quota by 12 percent", Body + " Talks in Tallinn lasted three hours."),
            Line("daily", "12", "Cod quota cut by 12 percent after Tallinn talks", Body + " Crews welcomed the fund."),
            Line("weekly", "13", "Council agrees to cut cod quota", Body + " Scientists had warned about cod stocks."),
            Line("radio", "14", "Cod quota cut and fund set up for crews", Body + " Liisa Tamm said the fund would help."),
        ]);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", database, Path.Combine(Folder, "coverage.jsonl")).ExitCode);
        using var store = Stores.Open(database);
        var story = Assert.Single(store.Stories());
        Assert.Equal(5, story.Articles);
        Assert.Contains("cod quota", story.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero), story.First);
    }

    [Theory, OnSqlite, OnPostgres]
    public void AnArticleWhoseIdIsTakenGetsOneFromItsTextWhicheverOrderTheRunsCameIn(string engine)
    {
        string Line(int n) => System.Text.Json.JsonSerializer.Serialize(new { id = "harbour-news-index", title = $"Report {n}", text = $"Ferry crews in Narva met for the {n}th time on {n} March and agreed on {n * 7} new rosters." });
        File.WriteAllLines(Path.Combine(Folder, "first.jsonl"), Enumerable.Range(1, 70).Select(Line)); // read as harbour-news-index, -2 ... -70
        File.WriteAllLines(Path.Combine(Folder, "later.jsonl"), [Line(71)]);
        File.WriteAllLines(Path.Combine(Folder, "last.jsonl"), [Line(72)]);

        List<(string Id, string? Title)> IdsAfter(params string[] runs)
        {
            var database = _stores.New(engine, $"runs-{string.Join('-', runs)}");
            foreach (var run in runs)
            {
                Assert.Equal(0, CliRunner.Run("ingest", "--db", database, Path.Combine(Folder, run + ".jsonl")).ExitCode);
            }

            using var store = Stores.Open(database);
            return store.Articles().Select(a => (a.Article.Id, a.Article.Title)).OrderBy(x => x.Title, StringComparer.Ordinal).ToList();
        }

        var ids = IdsAfter("first", "later", "last");
        Assert.Equal(72, ids.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(("harbour-news-index-70", "Report 70"), ids);
        var later = ids.Single(x => x.Title == "Report 71").Id;
        Assert.Matches("^harbour-news-index-[0-9a-f]{6}$", later);
        Assert.Equal(ids, IdsAfter("first", "last", "later"));
    }

    [Theory, OnSqlite, OnPostgres]
    public void ReingestingTheSameInputChangesNothingAndSaysSo(string engine)
    {
        var database = _stores.New(engine);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", database, Repository.Samples).ExitCode);
        var again = CliRunner.Run("ingest", "--db", database, Repository.Samples);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("12 inputs: 0 stored, 12 duplicates, 0 rejected.", again.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing new", again.Out, StringComparison.Ordinal);
        using var store = Stores.Open(database);
        Assert.Equal(12, store.Articles().Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public void NewArticlesJoinTheStoriesAlreadyStored(string engine)
    {
        var database = _stores.New(engine);
        CliRunner.Run("ingest", "--db", database, Sample("bws-cod-truce.txt"), Sample("bws-ferry-strike.txt"));
        var later = CliRunner.Run("ingest", "--db", database, Sample("tallinn-observer-cod-deal.html"), Sample("northern-post-ferry.html"));
        Assert.Contains("0 new stories, 2 existing stories grew", later.Out, StringComparison.Ordinal);
        using var store = Stores.Open(database);
        Assert.Equal(2, store.Stories().Count);
        Assert.All(store.Stories(), s => Assert.Equal(2, s.Articles));
    }

    [Theory, OnSqlite, OnPostgres]
    public void TheLedgerAccountsForEveryInput(string engine)
    {
        var database = _stores.New(engine);
        var bad = Path.Combine(Folder, "empty.txt");
        File.WriteAllBytes(bad, []);
        CliRunner.Run("ingest", "--db", database, Sample("bws-cod-truce.txt"));
        var result = CliRunner.Run("ingest", "--db", database, Repository.Samples, bad, Path.Combine(Folder, "missing.html"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("14 inputs: 11 stored, 1 duplicates, 2 rejected.", result.Out, StringComparison.Ordinal);
        Assert.Contains("empty.txt: empty file", result.Error, StringComparison.Ordinal);
        using var store = Stores.Open(database);
        var counts = store.Counts(2);
        Assert.Equal((11, 1, 2), (counts.Stored, counts.Duplicates, counts.Rejected));
    }

    [Theory, OnSqlite, OnPostgres]
    public void StoriesAndShowReadTheStore(string engine)
    {
        var database = _stores.New(engine);
        CliRunner.Run("ingest", "--db", database, Repository.Samples);
        var stories = CliRunner.Run("stories", "--db", database);
        Assert.Equal(0, stories.ExitCode);
        var main = stories.Out.Split('\n')[1].Split(' ')[0];
        var show = CliRunner.Run("show", "--db", database, main);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("## Where they disagree", show.Out, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run("show", "--db", database, "s999").ExitCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public void AMissingStoreIsAClearErrorForReaders(string engine)
    {
        var database = _stores.New(engine, "none");
        var result = CliRunner.Run("stories", "--db", database);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no store at", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public void AReaderWorksWhileAWriterHoldsATransaction()
    {
        CliRunner.Run("ingest", "--db", Database, Sample("bws-cod-truce.txt"));
        using var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False");
        writer.Open();
        using var transaction = writer.BeginTransaction();
        using (var command = writer.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO stories (id, created_at, updated_at) VALUES ('s-pending', 'now', 'now')";
            command.ExecuteNonQuery();
        }

        var stories = CliRunner.Run("stories", "--db", Database);
        Assert.Equal(0, stories.ExitCode);
        Assert.Contains("Fisheries council agrees cod truce", stories.Out, StringComparison.Ordinal);
        transaction.Rollback();
    }

    [Theory, OnSqlite, OnPostgres]
    public void TheSameArticleUnderASecondUrlIsStoredOnceWithBothUrls(string engine)
    {
        var database = _stores.New(engine);
        var page = File.ReadAllText(Sample("harbour-gazette-cod-truce.html"));
        var amp = Path.Combine(Folder, "amp.html");
        File.WriteAllText(amp, page.Replace("<link rel=\"canonical\" href=\"https://harbourgazette.example/news/2026/03/11/baltic-cod-truce\">", "<link rel=\"canonical\" href=\"https://www.harbourgazette.example/news/2026/03/11/baltic-cod-truce/?utm_source=feed\">", StringComparison.Ordinal));
        var result = CliRunner.Run("ingest", "--db", database, Sample("harbour-gazette-cod-truce.html"), amp);
        Assert.Contains("2 inputs: 1 stored, 1 duplicates, 0 rejected.", result.Out, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void IngestingInFiveBatchesGivesTheSameStoriesAsOneBatch(string engine)
    {
        var database = _stores.New(engine);
        var files = Directory.GetFiles(Repository.Samples).Order(StringComparer.Ordinal).ToList();
        CliRunner.Run("ingest", "--db", database, "--quiet", Repository.Samples);
        var batched = _stores.New(engine, "batched");
        foreach (var batch in files.Chunk((files.Count + 4) / 5))
        {
            Assert.Equal(0, CliRunner.Run(["ingest", "--db", batched, "--quiet", .. batch]).ExitCode);
        }

        Assert.Equal(Partition(database), Partition(batched));
    }

    [Theory, OnSqlite, OnPostgres]
    public void EachStoredArticleKeepsItsClusteringFeaturesAndAStoreWithoutThemGetsThemBackWithTheSameStories(string engine)
    {
        var database = _stores.New(engine);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", database, "--quiet", Repository.Samples).ExitCode);
        var before = Partition(database);
        Assert.Equal(TestStores.Sql(database, "SELECT COUNT(*) FROM articles"), TestStores.Sql(database, "SELECT COUNT(*) FROM article_features"));
        TestStores.Sql(database, "DELETE FROM article_features"); // as a store written before features were kept

        var again = CliRunner.Run("ingest", "--db", database, Repository.Samples);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("moved to another story", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, Partition(database));
        using var store = Stores.Open(database);
        var version = Chorus.Clustering.ClusterFeatures.Version(Chorus.Clustering.ClusteringOptions.Default);
        Assert.All(store.ArticleIndex(version), x => Assert.NotNull(x.Features));
    }

    [Theory, OnSqlite, OnPostgres]
    public void StoriesLeftWrongByAnOlderRunAreRevisedAndTheRunSaysSo(string engine)
    {
        var database = _stores.New(engine);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", database, "--quiet", Repository.Samples).ExitCode);
        var right = Partition(database);
        TestStores.Sql(database, "UPDATE articles SET story_id = (SELECT MIN(story_id) FROM articles)");

        var again = CliRunner.Run("ingest", "--db", database, Repository.Samples);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Nothing new", again.Out, StringComparison.Ordinal);
        Assert.Contains("Revised (the stories were made by an older Chorus", again.Out, StringComparison.Ordinal);
        Assert.Equal(right, Partition(database));
    }

    /// <summary>The clustering bench's 534 real articles, cut into five JSONL files and ingested one file per run.</summary>
    [BenchFact("clustering")]
    public void RealCoverageIngestedInFiveBatchesGivesTheSameStoriesAsOneBatch()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.SharedBench!, "clustering", "articles.jsonl"));
        var parts = lines.Chunk((lines.Length + 4) / 5).Select((chunk, i) =>
        {
            var part = Path.Combine(Folder, $"part{i}.jsonl");
            File.WriteAllLines(part, chunk);
            return part;
        }).ToList();

        Assert.Equal(0, CliRunner.Run(["ingest", "--db", Database, "--quiet", .. parts]).ExitCode);
        var batched = Path.Combine(Folder, "batched.db");
        var reports = new List<string>();
        foreach (var part in parts)
        {
            var run = CliRunner.Run("ingest", "--db", batched, part);
            Assert.Equal(0, run.ExitCode);
            reports.Add(run.Out);
        }

        var once = Partition(Database);
        Assert.True(once.Count > 20, $"{once.Count} stories");
        Assert.Equal(once, Partition(batched));

        // Later runs revise what earlier ones assigned, and say so.
        Assert.Contains(reports, r => r.Contains("earlier articles moved to another story", StringComparison.Ordinal));
    }

    private static List<string> Partition(string database)
    {
        using var store = Stores.Open(database);
        return store.Articles()
            .GroupBy(x => x.Story)
            .Select(g => string.Join(",", g.Select(x => x.Article.Id).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Theory, OnSqlite, OnPostgres]
    public void AnArchivesRecordsThatAreNotPagesAreLedgeredAsSkippedAndTheCountsAddUp(string engine)
    {
        var database = _stores.New(engine);
        const string page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season.</p></body></html>";
        static string Record(string type, string block) =>
            $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Target-URI: https://harbour-gazette.example/cod\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";
        var archive = Path.Combine(Folder, "crawl.warc");
        File.WriteAllText(archive, Record("warcinfo", "software: team test") + Record("request", "GET /cod HTTP/1.1\r\n\r\n") + Record("response", page));

        var result = CliRunner.Run("ingest", "--db", database, archive);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 inputs: 1 stored, 0 duplicates, 0 rejected, 2 skipped", result.Out, StringComparison.Ordinal);
        using var store = Stores.Open(database);
        Assert.Equal("https://harbour-gazette.example/cod", Assert.Single(store.Articles()).Article.Url);
    }

    [Fact]
    public void AStoreOfTheFirstSchemaIsMigratedWithItsLedgerKept()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema.Migrations[0] + """
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version VALUES (1);
                INSERT INTO ingest_runs (started_at, finished_at) VALUES ('2026-03-11T00:00:00Z', '2026-03-11T00:00:01Z');
                INSERT INTO ledger (run_id, input, state, reason, at) VALUES (1, 'old.html', 'rejected', 'empty file', '2026-03-11T00:00:00Z');
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteStore.Open(Database);
        Assert.Equal(1, store.Counts(1).Rejected);
    }

    [Theory, OnSqlite, OnPostgres]
    public void StoryNumbersAreTakenInsideAWriteAndNeverHandedOutTwice(string engine)
    {
        var database = _stores.New(engine);
        using var store = Stores.Open(database);
        Assert.Throws<InvalidOperationException>(() => store.TakeStoryNumbers(1));
        Assert.Equal([1L, 2L], store.Write(() => store.TakeStoryNumbers(2)));
        Assert.Equal([3L], store.Write(() => store.TakeStoryNumbers(1)));
        Assert.Equal(4, store.NextStoryNumber());
    }

    /// <summary>A SQLite store as an older Chorus left it: the first <paramref name="version"/> migrations, then these rows.</summary>
    private void MakeStoreOfVersion(int version, string rows)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Concat(Schema.Migrations.Take(version))
            + "CREATE TABLE schema_version (version INTEGER NOT NULL);"
            + string.Concat(Enumerable.Range(1, version).Select(v => $"INSERT INTO schema_version VALUES ({v});"))
            + rows;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void AStoreFromBeforeTheCountersGoesOnAfterItsHighestStoryNumberEvenOneMergedAway()
    {
        MakeStoreOfVersion(3, "INSERT INTO stories (id, created_at, updated_at) VALUES ('s1', 'then', 'then'), ('s2', 'then', 'then'), ('s7', 'then', 'then');");

        using var store = SqliteStore.Open(Database);
        Assert.Equal(8, store.NextStoryNumber());
    }

    [Fact]
    public void AStoreFromBeforePartitionsGetsEachArticlesPartitionFromItsLanguageAndDates()
    {
        MakeStoreOfVersion(7, """
            INSERT INTO stories (id, created_at, updated_at) VALUES ('s1', 'then', 'then');
            INSERT INTO articles (id, content_hash, source, published, language, text, story_id, ingested_at) VALUES
                ('dated', 'h1', 'a.txt', '2026-03-10T23:30:00-05:00', 'EN-gb', 'Ferry crews met.', 's1', '2026-12-01T00:00:00+00:00'),
                ('undated', 'h2', 'b.txt', NULL, NULL, 'Ferry crews met again.', 's1', '2026-12-01T00:00:00+00:00');
            """);

        using (SqliteStore.Open(Database))
        {
        }

        var ingested = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [StorePartition.Of("en", new DateTimeOffset(2026, 3, 11, 4, 30, 0, TimeSpan.Zero), ingested).Key, StorePartition.Of(null, null, ingested).Key],
            TestStores.Column<string>(Database, "SELECT part FROM articles ORDER BY seq"));
    }

    [Theory, OnSqlite, OnPostgres]
    public void AWriterKeptWaitingLongerThanItsPatienceGetsAClearErrorAndWritesNothing(string engine)
    {
        var database = _stores.New(engine);
        using (Stores.Open(database))
        {
        }

        var (other, othersWrite) = TestStores.HoldWriteLock(database);
        using var othersConnection = other;
        using var store = Stores.Open(database, writeWait: TimeSpan.FromSeconds(1));

        var error = Assert.Throws<StoreException>(() => store.Write(() => store.TakeStoryNumbers(5)));

        Assert.Contains("stayed locked by another writer for more than 1 second;", error.Message, StringComparison.Ordinal);
        othersWrite.Rollback();
        Assert.Equal(1, store.NextStoryNumber());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AWriterThatFindsTheStoreBusySaysSoThenWritesOnceTheOtherIsDone(string engine)
    {
        var database = _stores.New(engine);
        using (Stores.Open(database))
        {
        }

        var (other, othersWrite) = TestStores.HoldWriteLock(database);
        using var othersConnection = other;
        using var store = Stores.Open(database);
        var notices = 0;
        store.WaitingForWriter = () => notices++;
        var released = Task.Delay(TimeSpan.FromSeconds(2.5)).ContinueWith(_ => othersWrite.Rollback(), TaskScheduler.Default);

        Assert.Equal([1L], store.Write(() => store.TakeStoryNumbers(1)));
        Assert.Equal(1, notices);
        await released;
        Assert.Equal([2L], store.Write(() => store.TakeStoryNumbers(1)));
        Assert.Equal(1, notices); // the store was free the second time
    }

    [Theory, OnSqlite, OnPostgres]
    public void APageFetchedUnderOneUrlThatDeclaresAnotherIsFoundUnderBoth(string engine)
    {
        var database = _stores.New(engine);
        static string Response(string uri, string html)
        {
            var block = $"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}";
            return $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";
        }

        const string body = "<p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season, ending months of dispute.</p>";
        var archive = Path.Combine(Folder, "crawl.warc");
        File.WriteAllText(archive,
            Response("https://gazette.example/amp-view/cod?id=7", $"<html><head><link rel=\"canonical\" href=\"https://gazette.example/news/cod-truce\"></head><body>{body}</body></html>")
            + Response("https://www.gazette.example/news/cod-truce/?utm_source=feed", $"<html><body>{body}<p>Updated at 21:00 with the minister's reaction, which came late in the evening.</p></body></html>"));

        var result = CliRunner.Run("ingest", "--db", database, archive);
        Assert.Contains("2 inputs: 1 stored, 1 duplicates", result.Out, StringComparison.Ordinal);
        using var store = Stores.Open(database);
        var fetched = Chorus.Ingest.UrlCanonicalizer.Canonical("https://gazette.example/amp-view/cod?id=7")!;
        var declared = Chorus.Ingest.UrlCanonicalizer.Canonical("https://gazette.example/news/cod-truce")!;
        var found = store.ArticleIdsByUrl([fetched, declared]);
        Assert.Equal(2, found.Count);
        Assert.Equal(found[fetched], found[declared]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void SearchFindsArticlesByTheirWordsStemmedAndReadsOperatorsAsWords(string engine)
    {
        var database = _stores.New(engine);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", database, "--quiet", Repository.Samples).ExitCode);
        using var store = Stores.Open(database);
        var codStory = store.Stories().First(s => s.Title!.Contains("cod", StringComparison.OrdinalIgnoreCase)).Id;

        var hits = store.Search("quotas trawlers");
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Equal(codStory, hit.Story));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Rank <= p.Second.Rank), "hits are not best first");

        Assert.Empty(store.Search("cod ferry library renovation")); // every word must match
        Assert.Empty(store.Search("  \"-( * ")); // no word at all
        Assert.Equal(store.Search("cod quota").Count, store.Search("\"cod\" quota* -(").Count(h => h.Story == codStory));
    }

    [Theory, OnPostgres]
    public void AnArticleLeftUnindexedByAWriterThatStoppedIsIndexedByTheNextWriter(string engine)
    {
        // PostgreSQL computes search vectors after the commit, outside the writers' lock; a writer can stop in between.
        var database = _stores.New(engine);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", database, "--quiet", Repository.Samples).ExitCode);
        TestStores.Sql(database, "UPDATE articles SET search = NULL");
        using (var reader = Stores.Open(database, mustExist: true))
        {
            Assert.Empty(reader.Search("ferry crews"));
        }

        using var writer = Stores.Open(database);

        Assert.NotEmpty(writer.Search("ferry crews"));
        Assert.Equal(0L, Convert.ToInt64(TestStores.Sql(database, "SELECT COUNT(*) FROM articles WHERE search IS NULL"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, OnSqlite, OnPostgres]
    public void TheStoriesCommandSearchesAndListsOnlyTheStoriesWhoseArticlesMatch(string engine)
    {
        var database = _stores.New(engine);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", database, "--quiet", Repository.Samples).ExitCode);

        var ferry = CliRunner.Run("stories", "--db", database, "--search", "ferry crews");
        var nothing = CliRunner.Run("stories", "--db", database, "--search", "volcano");

        Assert.Equal(0, ferry.ExitCode);
        var rows = ferry.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Contains("Ferry", Assert.Single(rows), StringComparison.Ordinal);
        Assert.Equal(0, nothing.ExitCode);
        Assert.Contains("no story matches 'volcano'", nothing.Out, StringComparison.Ordinal);
    }
}
