using System.Globalization;
using System.Text;
using Chorus.IntegrationTests.Support;
using Chorus.Pipeline;
using Chorus.Storage;

namespace Chorus.IntegrationTests.Queue;

/// <summary>
/// Publishers and workers on a real RabbitMQ broker and a real PostgreSQL server, as separate processes: every published
/// input ends in the ledger exactly once, and the stories equal those of one embedded SQLite run of the same inputs.
/// </summary>
public sealed class QueueWorkerTests : IDisposable
{
    internal static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly TestStores _stores = new();
    private readonly TestQueues _queues = new();

    public void Dispose()
    {
        _queues.Dispose();
        _stores.Dispose();
    }

    [ServersFact]
    public async Task AWorkerStoresEveryPublishedInputAndEndsInTheStoriesOfAnEmbeddedRun()
    {
        var queue = _queues.New();
        var store = _stores.New(TestStores.Postgres);
        var published = CliRunner.Run("ingest", "--queue", queue.Url, "--queue-name", queue.Name, Repository.Samples);
        Assert.True(published.ExitCode == 0, published.Error);
        Assert.Contains("12 inputs published", published.Out, StringComparison.Ordinal);

        await Worker(queue, store, "--briefs").EndsWell();

        Assert.Equal((12L, 12L, 12L), Ledger(store));
        Assert.Equal(Stores.StoriesByContent(Embedded(Repository.Samples)), Stores.StoriesByContent(store));

        // When the queue went quiet, the worker (--briefs) built the brief of each story of two or more articles, from the articles it holds.
        using var opened = Stores.Open(store);
        var briefs = new StoryBriefs(new BriefPipeline());
        var kept = opened.BriefFingerprints();
        Assert.All(opened.Stories().Where(s => s.Articles >= 2), s => Assert.Equal(briefs.Fingerprint(opened.ArticleIdsOf(s.Id)), kept.GetValueOrDefault(s.Id)));
    }

    [ServersFact]
    public async Task AnUnreadableMessageIsRejectedInTheLedgerWithItsReasonAndGoesToTheDeadLetterQueue()
    {
        var queue = _queues.New();
        var store = _stores.New(TestStores.Postgres);
        await TestQueues.PublishRawAsync(queue, Encoding.UTF8.GetBytes("{\"this is\": not json"), messageId: "broken-1");
        Assert.Equal(0, CliRunner.Run("ingest", "--queue", queue.Url, "--queue-name", queue.Name, "--quiet", Repository.Samples).ExitCode);

        await Worker(queue, store).EndsWell();

        Assert.Equal((13L, 13L, 12L), Ledger(store));
        var reason = (string)TestStores.Sql(store, "SELECT reason FROM ledger WHERE state = 'rejected' AND input_key = 'broken-1'")!;
        Assert.Contains("not a Chorus queue message", reason, StringComparison.Ordinal);
        Assert.Equal((0u, 1u), await TestQueues.CountAsync(queue));
    }

    [ServersFact]
    public async Task TwoPublishersAtOnceLoseNothingAndTheSecondCopyOfEachInputIsADuplicate()
    {
        var queue = _queues.New();
        var store = _stores.New(TestStores.Postgres);
        var inputs = QueueInputs.Jsonl(_stores.Directory, 300);
        using (var one = CliProcess.Start("ingest", "--queue", queue.Url, "--queue-name", queue.Name, "--quiet", inputs))
        using (var other = CliProcess.Start("ingest", "--queue", queue.Url, "--queue-name", queue.Name, "--quiet", inputs))
        {
            foreach (var (exitCode, error) in await Task.WhenAll(CliProcess.EndAsync(one, Patience), CliProcess.EndAsync(other, Patience)))
            {
                Assert.True(exitCode == 0, error);
            }
        }

        await Worker(queue, store).EndsWell();

        Assert.Equal((600L, 600L, 300L), Ledger(store));
        Assert.Equal(300L, Count(store, "SELECT COUNT(*) FROM ledger WHERE state = 'duplicate'"));
        Assert.Equal(2L, Count(store, "SELECT COUNT(DISTINCT split_part(input_key, ':', 1)) FROM ledger"));
    }

    [ServersFact]
    public async Task AWorkerKilledInMidBatchLosesNothingAndStoresNothingTwice()
    {
        var queue = _queues.New();
        var store = _stores.New(TestStores.Postgres);
        // Enough inputs that the worker cannot finish between two looks at the ledger (it did once, with 600).
        var inputs = QueueInputs.Jsonl(_stores.Directory, 2400);
        Assert.Equal(0, CliRunner.Run("ingest", "--queue", queue.Url, "--queue-name", queue.Name, "--quiet", inputs).ExitCode);

        using (var doomed = CliProcess.Start(WorkerArguments(queue, store, untilEmpty: false)))
        {
            await Until(() => Exists(store) && Count(store, "SELECT COUNT(*) FROM ledger") >= 100, doomed);
            doomed.Kill(); // SIGKILL: no batch is finished, no message acknowledged after this
            await doomed.WaitForExitAsync();
        }

        var before = Count(store, "SELECT COUNT(*) FROM ledger");
        Assert.InRange(before, 100, 2399);
        await Worker(queue, store).EndsWell();

        Assert.Equal((2400L, 2400L, 2400L), Ledger(store));
        Assert.Equal(Stores.StoriesByContent(Embedded(inputs)), Stores.StoriesByContent(store));
    }

    internal static string[] WorkerArguments(Chorus.Queue.InputQueue queue, string store, bool untilEmpty) =>
        ["worker", "--queue", queue.Url, "--queue-name", queue.Name, "--db", store, "--batch", "20", .. untilEmpty ? new[] { "--until-empty" } : []];

    /// <summary>A worker process that stops when the queue is empty.</summary>
    internal static RunningWorker Worker(Chorus.Queue.InputQueue queue, string store, params string[] options) =>
        new(CliProcess.Start([.. WorkerArguments(queue, store, untilEmpty: true), .. options]));

    /// <summary>The ledger: rows, distinct input keys, and stored articles.</summary>
    internal static (long Rows, long Keys, long Articles) Ledger(string store) => (
        Count(store, "SELECT COUNT(*) FROM ledger"),
        Count(store, "SELECT COUNT(DISTINCT input_key) FROM ledger"),
        Count(store, "SELECT COUNT(*) FROM articles"));

    internal static long Count(string store, string sql) => Convert.ToInt64(TestStores.Sql(store, sql), CultureInfo.InvariantCulture);

    /// <summary>Whether the worker has made the store yet (its schema is there).</summary>
    internal static bool Exists(string store)
    {
        try
        {
            return Count(store, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'ledger'") == 1;
        }
        catch (Npgsql.NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>Waits until the condition holds; fails if the worker ends first or the wait is too long.</summary>
    internal static async Task Until(Func<bool> condition, System.Diagnostics.Process worker)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (worker.HasExited)
            {
                Assert.Fail($"the worker ended early: {await worker.StandardError.ReadToEndAsync()}");
            }

            Assert.True(waited.Elapsed < Patience, "the worker made no progress");
            await Task.Delay(50);
        }
    }

    /// <summary>The same inputs ingested by one process into an embedded SQLite store.</summary>
    private string Embedded(string inputs)
    {
        var store = _stores.New(TestStores.Sqlite, "embedded");
        Assert.Equal(0, CliRunner.Run("ingest", "--db", store, "--quiet", inputs).ExitCode);
        return store;
    }
}

/// <summary>A worker process, awaited to its end.</summary>
internal sealed class RunningWorker(System.Diagnostics.Process process)
{
    public System.Diagnostics.Process Process => process;

    /// <summary>Waits for the worker to end, asserts that it succeeded, and gives what it wrote on stderr.</summary>
    public async Task<string> EndsWell()
    {
        using (process)
        {
            var (exitCode, error) = await CliProcess.EndAsync(process, QueueWorkerTests.Patience);
            Assert.True(exitCode == 0, error);
            return error;
        }
    }
}
