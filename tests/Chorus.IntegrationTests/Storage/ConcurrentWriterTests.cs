using System.Net;
using Chorus.IntegrationTests.Support;
using Chorus.IntegrationTests.Web;
using Chorus.Storage;

namespace Chorus.IntegrationTests.Storage;

/// <summary>
/// Writers at once, in separate processes or in the web host, end in exactly the stories that the same runs give one
/// after the other: no story id is handed out twice, no article is lost or stored twice, and the last revision sees
/// every article. The tests of processes at once run on both engines.
/// </summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly TestStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Theory, OnSqlite, OnPostgres]
    public async Task TwoIngestsOfTheSamplesAtOnceEndInTheStoriesOfOneAfterTheOther(string engine)
    {
        string Store(string name) => _stores.New(engine, name);
        var files = Directory.GetFiles(Repository.Samples).Order(StringComparer.Ordinal).ToList();
        string[] first = [.. files.Where((_, i) => i % 2 == 0)], second = [.. files.Where((_, i) => i % 2 == 1)];
        var sequential = Store("sequential");
        Assert.Equal(0, CliRunner.Run(["ingest", "--db", sequential, "--quiet", .. first]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["ingest", "--db", sequential, "--quiet", .. second]).ExitCode);

        // Both processes find no store and create it; a batch of one article makes them take turns at every article.
        var concurrent = Store("concurrent");
        await BothAtOnce(concurrent, batch: 1, first, second);

        Assert.Equal(files.Count, Convert.ToInt64(TestStores.Sql(concurrent, "SELECT COUNT(*) FROM articles"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Stores.StoriesByContent(sequential), Stores.StoriesByContent(concurrent));
    }

    [BenchTheory("clustering", "events"), OnSqlite, OnPostgres]
    public async Task RealCoverageIngestedByTwoProcessesAtOnceEndsInTheStoriesOfTheTwoRunsOneAfterTheOther(string engine)
    {
        string Store(string name) => _stores.New(engine, name);
        var (clustering, events) = BenchInputs();
        var oneThenOther = Store("clustering-then-events");
        var otherThenOne = Store("events-then-clustering");
        foreach (var (store, order) in new[] { (oneThenOther, new[] { clustering, events }), (otherThenOne, new[] { events, clustering }) })
        {
            foreach (var input in order)
            {
                Assert.Equal(0, CliRunner.Run("ingest", "--db", store, "--quiet", input).ExitCode);
            }
        }

        // The order of the runs does not matter once each has revised the stories over the whole store.
        var expected = Stores.StoriesByContent(oneThenOther);
        Assert.True(expected.Count > 40, $"{expected.Count} stories");
        Assert.Equal(expected, Stores.StoriesByContent(otherThenOne));

        var concurrent = Store("concurrent");
        await BothAtOnce(concurrent, batch: 50, [clustering], [events]);
        Assert.True(BatchesInterleaved(concurrent), "the two runs did not write at the same time; the test did not test concurrency");
        Assert.Equal(expected, Stores.StoriesByContent(concurrent));
    }

    [BenchFact("clustering", "events")]
    public async Task AnIngestAndAWebUploadAtOnceEndInTheStoriesOfOneAfterTheOther()
    {
        string Store(string name) => _stores.New(TestStores.Sqlite, name);
        var (clustering, events) = BenchInputs();
        var sequential = Store("sequential");
        Assert.Equal(0, CliRunner.Run("ingest", "--db", sequential, "--quiet", events).ExitCode);
        Assert.Equal(0, CliRunner.Run("ingest", "--db", sequential, "--quiet", clustering).ExitCode);

        await using var served = await ServedStore.StartAsync();
        using var ingest = CliProcess.Start("ingest", "--db", served.StorePath, "--quiet", "--batch", "50", events);
        using var upload = await served.Client.PostAsync("/api/articles?name=clustering.jsonl", new ByteArrayContent(await File.ReadAllBytesAsync(clustering)));
        var (exitCode, error) = await CliProcess.EndAsync(ingest, Patience);

        Assert.True(exitCode == 0, error);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(Stores.StoriesByContent(sequential), Stores.StoriesByContent(served.StorePath));
    }

    private static (string Clustering, string Events) BenchInputs() => (
        Path.Combine(Repository.SharedBench!, "clustering", "articles.jsonl"),
        Path.Combine(Repository.SharedBench!, "events", "cluster.jsonl"));

    /// <summary>Starts two ingests into one store at the same moment and waits for both; each must succeed.</summary>
    private static async Task BothAtOnce(string store, int batch, string[] first, string[] second)
    {
        string[] Arguments(string[] inputs) => ["ingest", "--db", store, "--quiet", "--batch", batch.ToString(System.Globalization.CultureInfo.InvariantCulture), .. inputs];
        using var one = CliProcess.Start(Arguments(first));
        using var other = CliProcess.Start(Arguments(second));
        foreach (var (exitCode, error) in await Task.WhenAll(CliProcess.EndAsync(one, Patience), CliProcess.EndAsync(other, Patience)))
        {
            Assert.True(exitCode == 0, error);
        }
    }

    /// <summary>Whether the ledger holds a row of one run between two rows of another: the runs' batches alternated.</summary>
    private static bool BatchesInterleaved(string target)
    {
        var runs = TestStores.Column<long>(target, "SELECT run_id FROM ledger ORDER BY id");
        return runs.Zip(runs.Skip(1)).Count(p => p.First != p.Second) > 1;
    }
}
