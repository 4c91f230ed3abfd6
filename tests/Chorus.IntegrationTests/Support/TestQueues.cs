using System.Diagnostics;
using System.Text;
using Chorus.Queue;
using RabbitMQ.Client;

namespace Chorus.IntegrationTests.Support;

/// <summary>
/// Queues for tests on the RabbitMQ broker that CHORUS_TEST_AMQP names (./test.sh starts one where it can), each with a
/// fresh name so tests do not share work. Disposing deletes them.
/// </summary>
public sealed class TestQueues : IDisposable
{
    private readonly List<InputQueue> _made = [];

    /// <summary>The broker for tests as an amqp:// URL, or null.</summary>
    public static string? Broker => Environment.GetEnvironmentVariable("CHORUS_TEST_AMQP") is { Length: > 0 } url ? url : null;

    /// <summary>
    /// Whether the tests may restart the servers (scripts/servers.sh restart): only when ./test.sh started them for
    /// this run, never a server someone else runs.
    /// </summary>
    public static bool MayRestartServers => Environment.GetEnvironmentVariable("CHORUS_TEST_SERVERS_OWNED") == "1";

    public InputQueue New()
    {
        var queue = new InputQueue(Broker!, $"chorus.test.{Guid.NewGuid():N}");
        _made.Add(queue);
        return queue;
    }

    /// <summary>Publishes raw bytes as one message, as a foreign or broken publisher would.</summary>
    public static async Task PublishRawAsync(InputQueue queue, byte[] body, string? messageId = null)
    {
        await using var connection = await queue.ConnectAsync("chorus test");
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await queue.DeclareAsync(channel);
        await channel.BasicPublishAsync("", queue.Name, mandatory: true, new BasicProperties { Persistent = true, MessageId = messageId }, body);
    }

    /// <summary>How many messages wait in the queue and in its dead-letter queue.</summary>
    public static async Task<(uint Ready, uint Dead)> CountAsync(InputQueue queue)
    {
        await using var connection = await queue.ConnectAsync("chorus test");
        await using var channel = await connection.CreateChannelAsync();
        return await queue.CountAsync(channel);
    }

    /// <summary>Restarts one of the servers that ./test.sh started (postgres or rabbitmq), and waits until it is ready.</summary>
    public static void RestartServer(string server)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "servers.sh")) { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("restart");
        start.ArgumentList.Add(server);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/servers.sh restart {server} failed: {error}");
        }
    }

    public void Dispose()
    {
        if (_made.Count == 0)
        {
            return;
        }

        try
        {
            Task.Run(async () =>
            {
                await using var connection = await _made[0].ConnectAsync("chorus test");
                await using var channel = await connection.CreateChannelAsync();
                foreach (var queue in _made)
                {
                    await channel.QueueDeleteAsync(queue.Name, ifUnused: false, ifEmpty: false);
                    await channel.QueueDeleteAsync(queue.DeadName, ifUnused: false, ifEmpty: false);
                }
            }).GetAwaiter().GetResult();
        }
        catch (QueueUnavailableException)
        {
            // A broker that went away takes its test queues with it when it is stopped.
        }
    }
}

/// <summary>A test that needs a RabbitMQ broker and a PostgreSQL server; skipped, with the reason, without them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServersFactAttribute : FactAttribute
{
    public ServersFactAttribute(bool restarts = false)
    {
        if (TestQueues.Broker is null || TestStores.Server is null)
        {
            Skip = "no RabbitMQ or PostgreSQL for tests: ./test.sh starts both when it runs as root, or set CHORUS_TEST_AMQP=amqp://... and CHORUS_TEST_POSTGRES=postgres://...";
        }
        else if (restarts && !TestQueues.MayRestartServers)
        {
            Skip = "this test restarts the servers, which it does only when ./test.sh started them itself";
        }
    }
}

/// <summary>Inputs of the team's own making for queue tests: many short articles about a few made-up events.</summary>
internal static class QueueInputs
{
    /// <summary>Writes <paramref name="count"/> JSONL records: articles about eight events in the team's invented towns, two outlets' words each.</summary>
    public static string Jsonl(string directory, int count, string name = "stream.jsonl")
    {
        string[] towns = ["Narva", "Tallinn", "Tartu", "Pärnu", "Viljandi", "Rakvere", "Kuressaare", "Haapsalu"];
        string[] events = ["a harbour fire destroyed three warehouses", "the ferry crews walked out for a day", "the council cut the cod quota", "a bridge closed after cracks were found",
            "the library reopened after repairs", "floods cut the coast road", "the hospital opened a new wing", "the rail line to the border reopened"];
        var random = new Random(7);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var e = i % events.Length;
            var detail = random.Next(2, 90);
            var line = $"In {towns[e]}, {events[e]} on Tuesday, officials said. Liisa Tamm, the mayor of {towns[e]}, said {detail} people were affected and that work would go on all week. " +
                $"Residents in {towns[e]} described the scene to reporter number {i}. Kalev Saar, a spokesman, said repairs would cost {detail * 3} thousand euros.";
            text.Append(System.Text.Json.JsonSerializer.Serialize(new { id = $"a{i}", title = $"{towns[e]}: {events[e]}", text = line, site = $"outlet{i % 23}.example", published = new DateTime(2026, 3, 1 + e, 8, 0, 0, DateTimeKind.Utc).AddMinutes(i) }));
            text.Append('\n');
        }

        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
