using RabbitMQ.Client;

namespace Chorus.Queue;

/// <summary>
/// Where the inputs queue is: a RabbitMQ broker (an amqp:// URL) and the queue's name. Its topology is declared by
/// whoever connects first, publisher or worker, and is the same for both:
/// <list type="bullet">
/// <item>a durable quorum queue of input items (<see cref="Name"/>), replicated on a cluster and kept on disk;</item>
/// <item>a dead-letter queue beside it (<see cref="DeadName"/>), where a message no worker can store goes, after its
/// reason is in the store's ledger. The broker also moves there a message delivered <see cref="DeliveryLimit"/> times
/// without an acknowledgement, which only a message that stops every worker that takes it can reach.</item>
/// </list>
/// </summary>
public sealed record InputQueue(string Url, string Name = InputQueue.DefaultName)
{
    public const string DefaultName = "chorus.inputs";

    /// <summary>Deliveries of one message before the broker gives it up; workers give it up themselves two earlier.</summary>
    public const int DeliveryLimit = 5;

    public string DeadName => Name + ".dead";

    /// <summary>The broker's address without its password, for messages.</summary>
    public string Shown
    {
        get
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri))
            {
                return Url;
            }

            var user = uri.UserInfo.Split(':')[0];
            return $"{uri.Scheme}://{(user.Length > 0 ? user + "@" : "")}{uri.Host}:{(uri.Port > 0 ? uri.Port : 5672)}{uri.AbsolutePath}";
        }
    }

    public static bool IsUrl(string value) =>
        value.StartsWith("amqp://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("amqps://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Connects to the broker; a wrong URL or an unreachable broker throws <see cref="QueueUnavailableException"/> saying which.</summary>
    public async Task<IConnection> ConnectAsync(string clientName, CancellationToken cancellation = default)
    {
        if (!IsUrl(Url) || !Uri.TryCreate(Url, UriKind.Absolute, out var uri))
        {
            throw new QueueUnavailableException($"{Url}: not a queue URL; give amqp://USER:PASSWORD@HOST:PORT/VHOST");
        }

        var factory = new ConnectionFactory
        {
            Uri = uri,
            ClientProvidedName = clientName,
            // A worker reconnects by itself and takes its deliveries again from the queue; the client's own recovery
            // would replay acknowledgements of a channel that no longer exists.
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedHeartbeat = TimeSpan.FromSeconds(15),
        };
        try
        {
            return await factory.CreateConnectionAsync(clientName, cancellation);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException or System.Net.Sockets.SocketException or IOException)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new QueueUnavailableException($"{Shown}: cannot reach the queue's broker ({reason})", e);
        }
    }

    /// <summary>Declares the queue and its dead-letter queue (declaring again what exists is harmless).</summary>
    public async Task DeclareAsync(IChannel channel, CancellationToken cancellation = default)
    {
        var quorum = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
        await channel.QueueDeclareAsync(DeadName, durable: true, exclusive: false, autoDelete: false, arguments: quorum, cancellationToken: cancellation);
        await channel.QueueDeclareAsync(Name, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = DeadName,
            ["x-delivery-limit"] = DeliveryLimit,
        }, cancellationToken: cancellation);
    }

    /// <summary>How many messages wait in the queue, and how many in its dead-letter queue.</summary>
    public async Task<(uint Ready, uint Dead)> CountAsync(IChannel channel, CancellationToken cancellation = default)
    {
        var ready = await channel.QueueDeclarePassiveAsync(Name, cancellation);
        var dead = await channel.QueueDeclarePassiveAsync(DeadName, cancellation);
        return (ready.MessageCount, dead.MessageCount);
    }
}

/// <summary>The queue's broker cannot be reached, or refused us: the message says which broker and why.</summary>
public sealed class QueueUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
