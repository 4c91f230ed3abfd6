using System.Diagnostics;
using System.Threading.Channels;
using Chorus.Clustering;
using Chorus.Extraction;
using Chorus.Ingest;
using Chorus.Pipeline;
using Chorus.Storage;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Chorus.Queue;

/// <summary>
/// How a worker takes its work: how many inputs per batch, on how many threads it extracts them (0: one a core), how
/// long a quiet queue waits before it revises the stories, and whether it then builds the briefs of the stories that
/// changed.
/// </summary>
public sealed record WorkerOptions(int Batch = 100, TimeSpan? Idle = null, bool UntilEmpty = false, TimeSpan? ReviseEvery = null, bool Briefs = false, int Threads = 0)
{
    /// <summary>A queue that has given nothing for this long is quiet: the worker revises the stories, or stops with <see cref="UntilEmpty"/>.</summary>
    public TimeSpan IdleAfter => Idle ?? TimeSpan.FromSeconds(2);

    /// <summary>While the queue never goes quiet, the stories are still revised this often.</summary>
    public TimeSpan RevisionInterval => ReviseEvery ?? TimeSpan.FromMinutes(1);
}

/// <summary>What a worker did, in the ledger's terms, and what it gave up to the dead-letter queue.</summary>
public sealed record WorkerReport(int Inputs, int Stored, int Duplicates, int Rejected, int DeadLettered, int Revisions, int Moved, int Redelivered, int Briefs = 0)
{
    /// <summary>Time spent extracting (reading the messages and extracting their pages), in this worker.</summary>
    public TimeSpan Extracting { get; init; }

    /// <summary>Time spent holding the writers' lock, where writers take turns (story assignment among it), up to each commit.</summary>
    public LockedTime Writing { get; init; }

    /// <summary>From publication to the commit of the input's batch: the median and the 95th percentile, over this worker's inputs.</summary>
    public (TimeSpan Median, TimeSpan P95)? Latency { get; init; }
}

/// <summary>What a worker tells as it goes: a batch stored, a revision, a server lost or back.</summary>
public sealed record WorkerEvent(string Message, bool Problem = false);

/// <summary>
/// A queue worker: takes input items from the queue in batches, extracts them, and stores each batch in one write
/// transaction of the store (<see cref="Ingestor.Session"/>), then acknowledges the batch's messages. So delivery is at
/// least once and the store's ledger holds each message's key once: a batch whose worker died after its commit and
/// before its acknowledgement comes back, and its inputs are passed over.
/// <para>
/// Extraction runs in every worker at once. Story assignment runs inside the store's write transaction, whose lock
/// (a PostgreSQL advisory lock, or SQLite's own) lets one writer at a time assign: the single active assigner.
/// </para>
/// <para>
/// When the store cannot be written (a server restart, a network cut), the worker keeps its batch, opens the store
/// again until it can, and stores the batch then. When the broker goes away, it connects again and takes what the
/// queue gives: messages it held unacknowledged are delivered again, to it or another worker. A message that cannot be
/// stored even alone, while the store takes other writes, is poison: its reason goes to the ledger as a rejection and
/// the message to the dead-letter queue.
/// </para>
/// </summary>
public sealed class IngestWorker(InputQueue queue, string storeTarget, InputLimits limits, ClusteringOptions clustering, TimeProvider time, WorkerOptions options)
{
    /// <summary>How long to wait before trying a lost server again.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to keep trying a lost server before giving up the run.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(10);

    private readonly record struct Delivery(ulong Tag, string? MessageId, int DeliveryCount, long? PublishedMs, byte[] Body);

    private sealed record Outcome(Delivery Delivery, string Key, ExtractionResult Result, bool DeadLetter);

    private StoreSession? _session;
    private int _deadLettered;
    private int _revisions;
    private int _moved;
    private int _redelivered;
    private int _briefs;
    private bool _briefsDue; // stories changed (by this worker's batches or revisions) since the briefs were last refreshed
    private IngestProgress _earlier;
    private LockedTime _earlierWriting;
    private TimeSpan _extracting;
    private readonly List<long> _latencies = [];

    public async Task<WorkerReport> RunAsync(Action<WorkerEvent>? log = null, CancellationToken cancellation = default)
    {
        log ??= _ => { };
        var lostSince = (DateTimeOffset?)null;
        try
        {
            OpenStore(log, cancellation);
            while (!cancellation.IsCancellationRequested)
            {
                try
                {
                    if (await ConsumeAsync(log, cancellation))
                    {
                        break; // --until-empty, and the queue is empty
                    }
                }
                catch (Exception e) when (IsBrokerLost(e) && !cancellation.IsCancellationRequested)
                {
                    lostSince ??= time.GetUtcNow();
                    if (time.GetUtcNow() - lostSince > GiveUpAfter)
                    {
                        throw new QueueUnavailableException($"{queue.Shown}: the broker has been unreachable for {GiveUpAfter.TotalMinutes:0} minutes; giving up", e);
                    }

                    log(new WorkerEvent($"lost the broker at {queue.Shown} ({Reason(e)}); connecting again", Problem: true));
                    await Task.Delay(RetryDelay, cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
                    continue;
                }

                lostSince = null;
            }

            Revise(log, force: true);
            if (!cancellation.IsCancellationRequested)
            {
                RefreshBriefs(log, cancellation);
            }

            _session?.Session.Finish();
            return Report();
        }
        finally
        {
            _session?.Store.Dispose();
        }
    }

    /// <summary>Consumes until the connection is lost (throws), the run is cancelled, or with --until-empty the queue is empty (returns true).</summary>
    private async Task<bool> ConsumeAsync(Action<WorkerEvent> log, CancellationToken cancellation)
    {
        await using var connection = await queue.ConnectAsync($"chorus worker {Environment.ProcessId}", cancellation);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellation);
        await queue.DeclareAsync(channel, cancellation);
        await channel.BasicQosAsync(0, (ushort)Math.Min(ushort.MaxValue, options.Batch * 2), global: false, cancellation);

        var deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, e) =>
        {
            var count = e.BasicProperties.Headers?.TryGetValue("x-delivery-count", out var value) == true ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var published = e.BasicProperties.Headers?.TryGetValue(InputPublisher.PublishedHeader, out var ms) == true && ms is long at ? at : (long?)null;
            deliveries.Writer.TryWrite(new Delivery(e.DeliveryTag, e.BasicProperties.MessageId, count, published, e.Body.ToArray()));
            return Task.CompletedTask;
        };
        connection.ConnectionShutdownAsync += (_, _) =>
        {
            deliveries.Writer.TryComplete(new RabbitMQ.Client.Exceptions.AlreadyClosedException(new ShutdownEventArgs(ShutdownInitiator.Library, 0, "connection closed")));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.Name, autoAck: false, consumer, cancellation);
        log(new WorkerEvent($"consuming {queue.Name} at {queue.Shown}, storing into {_session!.Store.Path}"));

        var lastRevision = Stopwatch.StartNew();
        var batch = new List<Delivery>(options.Batch);
        while (!cancellation.IsCancellationRequested)
        {
            batch.Clear();
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
            {
                quiet.CancelAfter(options.IdleAfter);
                try
                {
                    batch.Add(await deliveries.Reader.ReadAsync(quiet.Token));
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    // The queue is quiet: a good time to revise what was stored, and to build the changed stories' briefs.
                    Revise(log, force: false);
                    lastRevision.Restart();
                    RefreshBriefs(log, cancellation);
                    if (options.UntilEmpty && (await queue.CountAsync(channel, cancellation)).Ready == 0 && !deliveries.Reader.TryPeek(out _))
                    {
                        return true;
                    }

                    continue;
                }
                catch (ChannelClosedException e) when (e.InnerException is { } lost)
                {
                    throw lost;
                }
            }

            // Take what has arrived, up to a batch; a short linger lets a stream fill it.
            var linger = Stopwatch.StartNew();
            while (batch.Count < options.Batch)
            {
                if (deliveries.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }
                else if (linger.ElapsedMilliseconds < 50)
                {
                    await Task.Delay(5, cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
                }
                else
                {
                    break;
                }
            }

            var stopwatch = Stopwatch.StartNew();
            var outcomes = Process(batch, log, cancellation);
            foreach (var outcome in outcomes)
            {
                if (outcome.DeadLetter)
                {
                    await channel.BasicNackAsync(outcome.Delivery.Tag, multiple: false, requeue: false, cancellation);
                }
                else
                {
                    await channel.BasicAckAsync(outcome.Delivery.Tag, multiple: false, cancellation);
                }
            }

            _briefsDue = true;
            var done = Done();
            log(new WorkerEvent($"batch of {batch.Count} in {stopwatch.Elapsed.TotalSeconds:0.00} s; so far {done.Inputs:N0} inputs: {done.Stored:N0} stored, {done.Duplicates:N0} duplicates, {done.Rejected:N0} rejected"));
            if (lastRevision.Elapsed >= options.RevisionInterval)
            {
                Revise(log, force: false);
                lastRevision.Restart();
            }
        }

        return false;
    }

    /// <summary>
    /// Extracts a batch and stores it. What cannot be read as a message, or was delivered too often, is rejected with
    /// its reason and dead-lettered; a batch the store refuses is tried again with the store opened afresh, then input
    /// by input, so one poison input does not hold back the rest.
    /// </summary>
    private List<Outcome> Process(List<Delivery> batch, Action<WorkerEvent> log, CancellationToken cancellation)
    {
        var extracting = Stopwatch.StartNew();
        var outcomes = Threads.InOrder(batch, options.Threads, Read);
        _extracting += extracting.Elapsed;
        _redelivered += batch.Count(d => d.DeliveryCount > 0);
        if (TryStore(outcomes, log, cancellation, reopenFirst: false) || TryStore(outcomes, log, cancellation, reopenFirst: true))
        {
            NoteLatency(batch);
            return outcomes;
        }

        log(new WorkerEvent($"the store refused a batch of {outcomes.Count} twice; storing its inputs one by one", Problem: true));
        var result = new List<Outcome>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            if (TryStore([outcome], log, cancellation, reopenFirst: false, out var failure))
            {
                result.Add(outcome);
                continue;
            }

            var poison = outcome with
            {
                Result = new ExtractionResult(null, Diagnostic.Error(outcome.Result.Article?.Source ?? outcome.Result.Source ?? outcome.Key, $"the store refused it: {failure}")),
                DeadLetter = true,
            };
            StoreOrWait([poison], log, cancellation);
            result.Add(poison);
            log(new WorkerEvent($"{poison.Result.Problem}: sent to {queue.DeadName}", Problem: true));
        }

        NoteLatency(batch);
        return result;
    }

    /// <summary>A delivery as the input it carries, extracted; or, when it carries none, as a rejection to dead-letter.</summary>
    private Outcome Read(Delivery delivery)
    {
        var fallbackKey = delivery.MessageId is { Length: > 0 } id ? id : $"unreadable:{Guid.NewGuid():N}";
        QueueMessage message;
        try
        {
            message = QueueMessage.Decode(delivery.Body);
        }
        catch (QueueMessageException e)
        {
            return new Outcome(delivery, fallbackKey, new ExtractionResult(null, Diagnostic.Error($"{queue.Name} message {fallbackKey}", e.Message)), DeadLetter: true);
        }

        if (delivery.DeliveryCount >= InputQueue.DeliveryLimit - 2)
        {
            var reason = $"delivered {delivery.DeliveryCount + 1} times and never stored: each worker that took it stopped before it was done";
            return new Outcome(delivery, message.Key, new ExtractionResult(null, Diagnostic.Error(message.Source, reason)), DeadLetter: true);
        }

        return new Outcome(delivery, message.Key, ArticleExtractor.Extract(message.Item(), limits.MaxPageTime), DeadLetter: false);
    }

    private bool TryStore(IReadOnlyList<Outcome> outcomes, Action<WorkerEvent> log, CancellationToken cancellation, bool reopenFirst) =>
        TryStore(outcomes, log, cancellation, reopenFirst, out _);

    private bool TryStore(IReadOnlyList<Outcome> outcomes, Action<WorkerEvent> log, CancellationToken cancellation, bool reopenFirst, out string? failure)
    {
        if (reopenFirst)
        {
            OpenStore(log, cancellation);
        }

        try
        {
            _session!.Session.Store(outcomes.Select(o => (o.Result, o.Key)).ToList());
            _deadLettered += outcomes.Count(o => o.DeadLetter);
            failure = null;
            return true;
        }
        catch (Exception e) when (e is StoreException or System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            failure = e.Message;
            log(new WorkerEvent($"the store refused a batch: {e.Message}", Problem: true));
            return false;
        }
    }

    /// <summary>Stores outcomes, opening the store again as long as it takes (a rejection must reach the ledger before its message leaves).</summary>
    private void StoreOrWait(IReadOnlyList<Outcome> outcomes, Action<WorkerEvent> log, CancellationToken cancellation)
    {
        while (!TryStore(outcomes, log, cancellation, reopenFirst: false))
        {
            OpenStore(log, cancellation);
        }
    }

    /// <summary>(Re)opens the store and begins a new session on it, trying until it opens or <see cref="GiveUpAfter"/> passes.</summary>
    private void OpenStore(Action<WorkerEvent> log, CancellationToken cancellation)
    {
        if (_session is { } old)
        {
            _earlier = Add(_earlier, old.Session.Done);
            _earlierWriting += old.Session.Writing;
            old.Store.Dispose();
            _session = null;
        }

        var started = time.GetUtcNow();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                var store = Stores.Open(storeTarget);
                _session = new StoreSession(store, new Ingestor(store, limits, clustering, time) { Threads = options.Threads }.Begin());
                return;
            }
            catch (StoreException e)
            {
                if (time.GetUtcNow() - started > GiveUpAfter)
                {
                    throw;
                }

                log(new WorkerEvent($"{e.Message}; trying again", Problem: true));
                Thread.Sleep(RetryDelay);
            }
        }
    }

    private void Revise(Action<WorkerEvent> log, bool force)
    {
        if (_session is not { } current)
        {
            return;
        }

        try
        {
            var stopwatch = Stopwatch.StartNew();
            if (current.Session.Revise() is { } moved)
            {
                _revisions++;
                _moved += moved;
                _briefsDue |= moved > 0;
                log(new WorkerEvent($"revised the stories in {stopwatch.Elapsed.TotalSeconds:0.00} s: {moved} articles moved"));
            }
        }
        catch (StoreException e) when (!force)
        {
            log(new WorkerEvent($"could not revise the stories now: {e.Message}", Problem: true));
        }
    }

    /// <summary>Builds the briefs of the stories that changed since they were built, when this worker changed any since it last looked.</summary>
    private void RefreshBriefs(Action<WorkerEvent> log, CancellationToken cancellation)
    {
        if (!options.Briefs || !_briefsDue || _session is not { } current)
        {
            return;
        }

        try
        {
            var refresh = new StoryBriefs(new BriefPipeline(clustering, new Summary.BriefOptions()), time).Refresh(current.Store, cancellation: cancellation);
            _briefs += refresh.Built;
            _briefsDue = false;
            if (refresh.Built > 0)
            {
                log(new WorkerEvent(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"built the briefs of {refresh.Built} changed stories in {refresh.Took.TotalSeconds:0.00} s")));
            }
        }
        catch (Exception e) when (e is StoreException or System.Data.Common.DbException)
        {
            log(new WorkerEvent($"could not build the briefs now: {e.Message}", Problem: true));
        }
    }

    private void NoteLatency(List<Delivery> batch)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        _latencies.AddRange(batch.Where(d => d.PublishedMs is not null).Select(d => Math.Max(0, now - d.PublishedMs!.Value)));
    }

    private IngestProgress Done() => Add(_earlier, _session?.Session.Done ?? default);

    private static IngestProgress Add(IngestProgress a, IngestProgress b) =>
        new(a.Inputs + b.Inputs, a.Stored + b.Stored, a.Duplicates + b.Duplicates, a.Rejected + b.Rejected);

    private WorkerReport Report()
    {
        var done = Done();
        var sorted = _latencies.Order().ToList();
        TimeSpan At(double share) => TimeSpan.FromMilliseconds(sorted[Math.Min(sorted.Count - 1, (int)(share * sorted.Count))]);
        return new WorkerReport(done.Inputs, done.Stored, done.Duplicates, done.Rejected, _deadLettered, _revisions, _moved, _redelivered, _briefs)
        {
            Extracting = _extracting,
            Writing = _earlierWriting + (_session?.Session.Writing ?? default),
            Latency = sorted.Count > 0 ? (At(0.5), At(0.95)) : null,
        };
    }

    private static bool IsBrokerLost(Exception e) => e is QueueUnavailableException
        or RabbitMQ.Client.Exceptions.AlreadyClosedException
        or RabbitMQ.Client.Exceptions.OperationInterruptedException
        or RabbitMQ.Client.Exceptions.BrokerUnreachableException
        or System.Net.Sockets.SocketException
        or IOException;

    private static string Reason(Exception e) => e.InnerException is { } inner && e is not QueueUnavailableException ? inner.Message : e.Message;

    private sealed record StoreSession(IStore Store, Ingestor.Session Session);
}
