using Chorus.Ingest;
using RabbitMQ.Client;

namespace Chorus.Queue;

/// <summary>What a publication sent: its id (the first part of every message's key) and how many items of each kind.</summary>
public sealed record PublishReport(string Publication, int Published, int Rejected, int Skipped);

/// <summary>
/// Publishes input items to the queue, one persistent message per item, with publisher confirms: an item counts as
/// published only when the broker has confirmed it (written to the quorum queue's log). Up to
/// <see cref="MaxInFlight"/> confirms are awaited together, so the publisher streams without waiting on each.
/// Every message's key is the publication's id and the item's number in it: unique across publishers, so any number
/// of them may publish at once.
/// </summary>
public sealed class InputPublisher(InputQueue queue)
{
    /// <summary>The header that carries when the message was published (Unix milliseconds), for the workers' latency.</summary>
    public const string PublishedHeader = "chorus-published-ms";

    public int MaxInFlight { get; init; } = 256;

    /// <summary>At most this many items a second (0: as fast as the broker confirms them).</summary>
    public double MaxRate { get; init; }

    public async Task<PublishReport> PublishAsync(IEnumerable<InputItem> items, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        var publication = Guid.NewGuid().ToString("N");
        await using var connection = await queue.ConnectAsync("chorus ingest", cancellation);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellation);
        await queue.DeclareAsync(channel, cancellation);

        var (published, rejected, skipped) = (0, 0, 0);
        var inFlight = new List<Task>(MaxInFlight);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var item in items)
        {
            cancellation.ThrowIfCancellationRequested();
            if (MaxRate > 0 && TimeSpan.FromSeconds(published / MaxRate) - clock.Elapsed is { Ticks: > 0 } ahead)
            {
                await Confirmed(inFlight);
                await Task.Delay(ahead, cancellation);
            }

            var message = QueueMessage.Of(item, $"{publication}:{published + 1}");
            var properties = new BasicProperties
            {
                Persistent = true,
                MessageId = message.Key,
                ContentType = "application/json",
                AppId = "chorus",
                Headers = new Dictionary<string, object?> { [PublishedHeader] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
            };
            inFlight.Add(channel.BasicPublishAsync("", queue.Name, mandatory: true, properties, message.Encode(), cancellation).AsTask());
            published++;
            rejected += item is RejectedInput ? 1 : 0;
            skipped += item is SkippedInput ? 1 : 0;
            if (inFlight.Count >= MaxInFlight)
            {
                await Confirmed(inFlight);
                progress?.Invoke(published);
            }
        }

        await Confirmed(inFlight);
        progress?.Invoke(published);
        return new PublishReport(publication, published, rejected, skipped);
    }

    /// <summary>Waits for the broker to confirm every message in flight; a refusal throws, naming it.</summary>
    private async Task Confirmed(List<Task> inFlight)
    {
        try
        {
            await Task.WhenAll(inFlight);
        }
        catch (RabbitMQ.Client.Exceptions.PublishException e)
        {
            throw new QueueUnavailableException($"{queue.Shown}: the broker refused message {e.PublishSequenceNumber} of this publication{(e.IsReturn ? " (no queue to route it to)" : "")}", e);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            throw new QueueUnavailableException($"{queue.Shown}: the connection to the broker was lost while publishing ({e.Message}); publish again: items already stored come back as duplicates", e);
        }

        inFlight.Clear();
    }
}
