using Chorus.IntegrationTests.Support;
using Chorus.Storage;

namespace Chorus.IntegrationTests.Queue;

/// <summary>The tests that restart a server run alone, after the others: a restart would break any test using it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerRestarts
{
    public const string Name = "server restarts";
}

/// <summary>
/// A worker keeps going through a restart of the broker or of PostgreSQL in mid-run: it waits for the server, takes its
/// work again, and in the end every published input is in the ledger once and the stories are those of an embedded run.
/// </summary>
[Collection(ServerRestarts.Name)]
public sealed class ServerRestartTests : IDisposable
{
    private readonly TestStores _stores = new();
    private readonly TestQueues _queues = new();

    public void Dispose()
    {
        _queues.Dispose();
        _stores.Dispose();
    }

    [ServersFact(restarts: true)]
    public Task TheBrokerRestartingInMidRunLosesNothing() => SurvivesRestartOf("rabbitmq", "lost the broker");

    [ServersFact(restarts: true)]
    public Task PostgreSqlRestartingInMidRunLosesNothing() => SurvivesRestartOf("postgres", "the store refused a batch");

    private async Task SurvivesRestartOf(string server, string toldOutage)
    {
        const int Inputs = 3000;
        var queue = _queues.New();
        var store = _stores.New(TestStores.Postgres);
        var inputs = QueueInputs.Jsonl(_stores.Directory, Inputs);
        Assert.Equal(0, CliRunner.Run("ingest", "--queue", queue.Url, "--queue-name", queue.Name, "--quiet", inputs).ExitCode);

        var worker = QueueWorkerTests.Worker(queue, store);
        await QueueWorkerTests.Until(() => QueueWorkerTests.Exists(store) && QueueWorkerTests.Count(store, "SELECT COUNT(*) FROM ledger") >= 100, worker.Process);
        TestQueues.RestartServer(server);
        var told = await worker.EndsWell();

        Assert.Contains(toldOutage, told, StringComparison.Ordinal); // the worker was at work when the server went away
        Assert.Equal(((long)Inputs, (long)Inputs, (long)Inputs), QueueWorkerTests.Ledger(store));
        var embedded = _stores.New(TestStores.Sqlite, "embedded");
        Assert.Equal(0, CliRunner.Run("ingest", "--db", embedded, "--quiet", inputs).ExitCode);
        Assert.Equal(Stores.StoriesByContent(embedded), Stores.StoriesByContent(store));
    }
}
