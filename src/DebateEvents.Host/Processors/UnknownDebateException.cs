namespace DebateEvents.Host.Processors;

/// <summary>
/// An event names a debate this host never saw initiated. Records of one debate arrive in order, so
/// this means its DebateInitiated was dead-lettered: retrying cannot help, the record goes to the
/// dead-letter topic with this reason.
/// </summary>
public sealed class UnknownDebateException(Guid debateId, string eventType)
    : Exception($"{eventType} names debate {debateId}, which was never initiated here.")
{
    /// <summary>The debate id the event named.</summary>
    public Guid DebateId { get; } = debateId;
}
