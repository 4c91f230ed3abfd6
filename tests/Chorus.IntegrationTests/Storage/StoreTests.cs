using Chorus.IntegrationTests.Support;
using Chorus.Storage;

namespace Chorus.IntegrationTests.Storage;

public sealed class StoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chorus-store-").FullName;

    private string Database => Path.Combine(_directory, "chorus.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Sample(string name) => Path.Combine(Repository.Samples, name);

    [Fact]
    public void AStoryIsTitledByTheHeadlineItsCoverageSharesAndFirstSeenOnItsEarliestReport()
    {
        // The outlier comes first in the input but is the latest report; its headline names something else.
        string Line(string id, string day, string title, string text) =>
            System.Text.Json.JsonSerializer.Serialize(new { id, title, published = $"2026-03-{day}T09:00:00Z", text });
        const string Body = "The Baltic Fisheries Council agreed to cut the cod quota by 12 percent and to set up a fund for trawler crews in Narva.";
        File.WriteAllLines(Path.Combine(_directory, "coverage.jsonl"),
        [
            Line("late", "20", "Harbour festival draws record crowds", Body + " A festival in the harbour drew crowds at the weekend."),
            Line("wire", "11", "Council cuts cod quota by 12 percent", Body + " Talks in Tallinn lasted three hours."),
            Line("daily", "12", "Cod quota cut by 12 percent after Tallinn talks", Body + " Crews welcomed the fund."),
            Line("weekly", "13", "Council agrees to cut cod quota", Body + " Scientists had warned about cod stocks."),
            Line("radio", "14", "Cod quota cut and fund set up for crews", Body + " Liisa Tamm said the fund would help."),
        ]);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", Database, Path.Combine(_directory, "coverage.jsonl")).ExitCode);
        using var store = SqliteStore.Open(Database);
        var story = Assert.Single(store.Stories());
        Assert.Equal(5, story.Articles);
        Assert.Contains("cod quota", story.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero), story.First);
    }

    [Fact]
    public void ReingestingTheSameInputChangesNothingAndSaysSo()
    {
        Assert.Equal(0, CliRunner.Run("ingest", "--db", Database, Repository.Samples).ExitCode);
        var again = CliRunner.Run("ingest", "--db", Database, Repository.Samples);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("12 inputs: 0 stored, 12 duplicates, 0 rejected.", again.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing new", again.Out, StringComparison.Ordinal);
        using var store = SqliteStore.Open(Database);
        Assert.Equal(12, store.Articles().Count);
    }

    [Fact]
    public void NewArticlesJoinTheStoriesAlreadyStored()
    {
        CliRunner.Run("ingest", "--db", Database, Sample("bws-cod-truce.txt"), Sample("bws-ferry-strike.txt"));
        var later = CliRunner.Run("ingest", "--db", Database, Sample("tallinn-observer-cod-deal.html"), Sample("northern-post-ferry.html"));
        Assert.Contains("0 new stories, 2 existing stories grew", later.Out, StringComparison.Ordinal);
        using var store = SqliteStore.Open(Database);
        Assert.Equal(2, store.Stories().Count);
        Assert.All(store.Stories(), s => Assert.Equal(2, s.Articles));
    }

    [Fact]
    public void TheLedgerAccountsForEveryInput()
    {
        var bad = Path.Combine(_directory, "empty.txt");
        File.WriteAllBytes(bad, []);
        CliRunner.Run("ingest", "--db", Database, Sample("bws-cod-truce.txt"));
        var result = CliRunner.Run("ingest", "--db", Database, Repository.Samples, bad, Path.Combine(_directory, "missing.html"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("14 inputs: 11 stored, 1 duplicates, 2 rejected.", result.Out, StringComparison.Ordinal);
        Assert.Contains("empty.txt: empty file", result.Error, StringComparison.Ordinal);
        using var store = SqliteStore.Open(Database);
        var counts = store.Counts(2);
        Assert.Equal((11, 1, 2), (counts.Stored, counts.Duplicates, counts.Rejected));
    }

    [Fact]
    public void StoriesAndShowReadTheStore()
    {
        CliRunner.Run("ingest", "--db", Database, Repository.Samples);
        var stories = CliRunner.Run("stories", "--db", Database);
        Assert.Equal(0, stories.ExitCode);
        var main = stories.Out.Split('\n')[1].Split(' ')[0];
        var show = CliRunner.Run("show", "--db", Database, main);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("## Where they disagree", show.Out, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run("show", "--db", Database, "s999").ExitCode);
    }

    [Fact]
    public void AMissingStoreIsAClearErrorForReaders()
    {
        var result = CliRunner.Run("stories", "--db", Path.Combine(_directory, "none.db"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no store at", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "none.db")));
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

    [Fact]
    public void TheSameArticleUnderASecondUrlIsStoredOnceWithBothUrls()
    {
        var page = File.ReadAllText(Sample("harbour-gazette-cod-truce.html"));
        var amp = Path.Combine(_directory, "amp.html");
        File.WriteAllText(amp, page.Replace("<link rel=\"canonical\" href=\"https://harbourgazette.example/news/2026/03/11/baltic-cod-truce\">", "<link rel=\"canonical\" href=\"https://www.harbourgazette.example/news/2026/03/11/baltic-cod-truce/?utm_source=feed\">", StringComparison.Ordinal));
        var result = CliRunner.Run("ingest", "--db", Database, Sample("harbour-gazette-cod-truce.html"), amp);
        Assert.Contains("2 inputs: 1 stored, 1 duplicates, 0 rejected.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void IngestingInFiveBatchesGivesTheSameStoriesAsOneBatch()
    {
        var files = Directory.GetFiles(Repository.Samples).Order(StringComparer.Ordinal).ToList();
        CliRunner.Run("ingest", "--db", Database, "--quiet", Repository.Samples);
        var batched = Path.Combine(_directory, "batched.db");
        foreach (var batch in files.Chunk((files.Count + 4) / 5))
        {
            Assert.Equal(0, CliRunner.Run(["ingest", "--db", batched, "--quiet", .. batch]).ExitCode);
        }

        Assert.Equal(Partition(Database), Partition(batched));
    }

    [Fact]
    public void EachStoredArticleKeepsItsClusteringFeaturesAndAStoreWithoutThemGetsThemBackWithTheSameStories()
    {
        Assert.Equal(0, CliRunner.Run("ingest", "--db", Database, "--quiet", Repository.Samples).ExitCode);
        var before = Partition(Database);
        Assert.Equal(1L, Sql("SELECT (SELECT COUNT(*) FROM article_features) = (SELECT COUNT(*) FROM articles)"));
        Sql("DELETE FROM article_features"); // as a store written before features were kept

        var again = CliRunner.Run("ingest", "--db", Database, Repository.Samples);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("moved to another story", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, Partition(Database));
        using var store = SqliteStore.Open(Database);
        var version = Chorus.Clustering.ClusterFeatures.Version(Chorus.Clustering.ClusteringOptions.Default);
        Assert.All(store.ArticleIndex(version), x => Assert.NotNull(x.Features));
    }

    [Fact]
    public void StoriesLeftWrongByAnOlderRunAreRevisedAndTheRunSaysSo()
    {
        Assert.Equal(0, CliRunner.Run("ingest", "--db", Database, "--quiet", Repository.Samples).ExitCode);
        var right = Partition(Database);
        Sql("UPDATE articles SET story_id = (SELECT MIN(story_id) FROM articles)");

        var again = CliRunner.Run("ingest", "--db", Database, Repository.Samples);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Nothing new", again.Out, StringComparison.Ordinal);
        Assert.Contains("Revised (the stories were made by an older Chorus", again.Out, StringComparison.Ordinal);
        Assert.Equal(right, Partition(Database));
    }

    /// <summary>The clustering bench's 534 real articles, cut into five JSONL files and ingested one file per run.</summary>
    [BenchFact("clustering")]
    public void RealCoverageIngestedInFiveBatchesGivesTheSameStoriesAsOneBatch()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.SharedBench!, "clustering", "articles.jsonl"));
        var parts = lines.Chunk((lines.Length + 4) / 5).Select((chunk, i) =>
        {
            var part = Path.Combine(_directory, $"part{i}.jsonl");
            File.WriteAllLines(part, chunk);
            return part;
        }).ToList();

        Assert.Equal(0, CliRunner.Run(["ingest", "--db", Database, "--quiet", .. parts]).ExitCode);
        var batched = Path.Combine(_directory, "batched.db");
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

    /// <summary>Runs one statement on the test's store and closes it again, as another program editing the file would.</summary>
    private object? Sql(string sql)
    {
        object? result;
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            result = command.ExecuteScalar();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return result;
    }

    private static List<string> Partition(string database)
    {
        using var store = SqliteStore.Open(database);
        return store.Articles()
            .GroupBy(x => x.Story)
            .Select(g => string.Join(",", g.Select(x => x.Article.Id).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void AnArchivesRecordsThatAreNotPagesAreLedgeredAsSkippedAndTheCountsAddUp()
    {
        const string page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season.</p></body></html>";
        static string Record(string type, string block) =>
            $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Target-URI: https://harbour-gazette.example/cod\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";
        var archive = Path.Combine(_directory, "crawl.warc");
        File.WriteAllText(archive, Record("warcinfo", "software: team test") + Record("request", "GET /cod HTTP/1.1\r\n\r\n") + Record("response", page));

        var result = CliRunner.Run("ingest", "--db", Database, archive);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 inputs: 1 stored, 0 duplicates, 0 rejected, 2 skipped", result.Out, StringComparison.Ordinal);
        using var store = SqliteStore.Open(Database);
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

    [Fact]
    public void StoryNumbersAreTakenInsideAWriteAndNeverHandedOutTwice()
    {
        using var store = SqliteStore.Open(Database);
        Assert.Throws<InvalidOperationException>(() => store.TakeStoryNumbers(1));
        Assert.Equal(1, store.Write(() => store.TakeStoryNumbers(2)));
        Assert.Equal(3, store.Write(() => store.TakeStoryNumbers(1)));
        Assert.Equal(4, store.NextStoryNumber());
    }

    [Fact]
    public void AStoreFromBeforeTheCountersGoesOnAfterItsHighestStoryNumberEvenOneMergedAway()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Concat(Schema.Migrations.Take(3)) + """
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version VALUES (1), (2), (3);
                INSERT INTO stories (id, created_at, updated_at) VALUES ('s1', 'then', 'then'), ('s2', 'then', 'then'), ('s7', 'then', 'then');
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteStore.Open(Database);
        Assert.Equal(8, store.NextStoryNumber());
    }

    [Fact]
    public void AWriterKeptWaitingLongerThanItsPatienceGetsAClearErrorAndWritesNothing()
    {
        using (SqliteStore.Open(Database))
        {
        }

        using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False");
        other.Open();
        using var othersWrite = other.BeginTransaction(deferred: false);
        using var store = SqliteStore.Open(Database, writeWait: TimeSpan.FromSeconds(1));

        var error = Assert.Throws<StoreException>(() => store.Write(() => store.TakeStoryNumbers(5)));

        Assert.Contains("stayed locked by another writer for more than 1 second;", error.Message, StringComparison.Ordinal);
        othersWrite.Rollback();
        Assert.Equal(1, store.NextStoryNumber());
    }

    [Fact]
    public async Task AWriterThatFindsTheStoreBusySaysSoThenWritesOnceTheOtherIsDone()
    {
        using (SqliteStore.Open(Database))
        {
        }

        using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False");
        other.Open();
        using var othersWrite = other.BeginTransaction(deferred: false);
        using var store = SqliteStore.Open(Database);
        var notices = 0;
        store.WaitingForWriter = () => notices++;
        var released = Task.Delay(TimeSpan.FromSeconds(2.5)).ContinueWith(_ => othersWrite.Rollback(), TaskScheduler.Default);

        Assert.Equal(1, store.Write(() => store.TakeStoryNumbers(1)));
        Assert.Equal(1, notices);
        await released;
        Assert.Equal(2, store.Write(() => store.TakeStoryNumbers(1)));
        Assert.Equal(1, notices); // the store was free the second time
    }

    [Fact]
    public void APageFetchedUnderOneUrlThatDeclaresAnotherIsFoundUnderBoth()
    {
        static string Response(string uri, string html)
        {
            var block = $"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}";
            return $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";
        }

        const string body = "<p>The Baltic Fisheries Council agreed on Wednesday to cut the cod quota by 12 percent next season, ending months of dispute.</p>";
        var archive = Path.Combine(_directory, "crawl.warc");
        File.WriteAllText(archive,
            Response("https://gazette.example/amp-view/cod?id=7", $"<html><head><link rel=\"canonical\" href=\"https://gazette.example/news/cod-truce\"></head><body>{body}</body></html>")
            + Response("https://www.gazette.example/news/cod-truce/?utm_source=feed", $"<html><body>{body}<p>Updated at 21:00 with the minister's reaction, which came late in the evening.</p></body></html>"));

        var result = CliRunner.Run("ingest", "--db", Database, archive);
        Assert.Contains("2 inputs: 1 stored, 1 duplicates", result.Out, StringComparison.Ordinal);
        using var store = SqliteStore.Open(Database);
        var id = store.ArticleIdByUrl(Chorus.Ingest.UrlCanonicalizer.Canonical("https://gazette.example/amp-view/cod?id=7")!);
        Assert.NotNull(id);
        Assert.Equal(id, store.ArticleIdByUrl(Chorus.Ingest.UrlCanonicalizer.Canonical("https://gazette.example/news/cod-truce")!));
    }
}
