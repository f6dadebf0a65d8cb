namespace DebateEvents.Outbox;

/// <summary>The undelivered outbox rows at one moment.</summary>
/// <param name="Count">Rows waiting to be sent, retries included.</param>
/// <param name="OldestPublishedAt">When the oldest of them was published; null when none waits.</param>
/// <param name="Buckets">The non-empty key buckets, by bucket number.</param>
public sealed record OutboxBacklogReport(long Count, DateTimeOffset? OldestPublishedAt, IReadOnlyList<OutboxBucketBacklog> Buckets);
