namespace DebateEvents.Outbox;

/// <summary>The undelivered rows of one key bucket (a key's bucket is a hash of it modulo the outbox's <c>Buckets</c>).</summary>
/// <param name="Bucket">The bucket number, from 0.</param>
/// <param name="Count">Rows waiting in it.</param>
/// <param name="OldestPublishedAt">When its oldest waiting row was published.</param>
public sealed record OutboxBucketBacklog(int Bucket, long Count, DateTimeOffset OldestPublishedAt);
