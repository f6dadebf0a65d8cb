using System.Collections.Concurrent;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>One client connection: who it authenticated as, and every request it sent, in order.</summary>
internal sealed class BrokerConnection
{
    /// <summary>The client.id in the request headers.</summary>
    public string? ClientId { get; set; }

    /// <summary>The SASL user the connection authenticated as, or null.</summary>
    public string? User { get; set; }

    /// <summary>The users named in SASL/PLAIN attempts, accepted or not.</summary>
    public ConcurrentQueue<string> Attempts { get; } = new();

    /// <summary>The API key of every request.</summary>
    public ConcurrentQueue<short> Requests { get; } = new();

    /// <summary>Requests refused because they came before authentication.</summary>
    public ConcurrentQueue<short> Unauthenticated { get; } = new();
}
