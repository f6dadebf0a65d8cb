namespace DebateEvents.Host.Stats;

/// <summary>One topic's traffic since the host started, counted from the rider's instruments; safe to update from any thread.</summary>
internal sealed class TopicCounters
{
    private long _produced;
    private long _delivered;
    private long _consumed;
    private long _processed;
    private long _failed;
    private long _retried;
    private long _deadLettered;

    /// <summary>Records the producer delivered to the topic.</summary>
    public long Produced => Interlocked.Read(ref _produced);

    /// <summary>Outbox rows the broker acknowledged on it (the outbox's own producer, which <see cref="Produced"/> leaves out).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Records polled from it.</summary>
    public long Consumed => Interlocked.Read(ref _consumed);

    /// <summary>Records its consumers settled successfully.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Records that went to the retry or dead-letter topic after their consumer faulted.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Records sent to its retry topic.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Records written to its dead-letter topic.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Adds a measurement of the named instrument; <paramref name="failed"/> when it carried <c>error.type</c>.</summary>
    public void Add(string instrument, long value, bool failed)
    {
        switch (instrument)
        {
            case "messaging.client.sent.messages" when !failed:
                Interlocked.Add(ref _produced, value);
                break;
            case "debateevents.outbox.delivered":
                Interlocked.Add(ref _delivered, value);
                break;
            case "messaging.client.consumed.messages":
                Interlocked.Add(ref _consumed, value);
                break;
            case "messaging.process.duration":
                Interlocked.Add(ref failed ? ref _failed : ref _processed, value);
                break;
            case "debateevents.kafka.consumer.retried":
                Interlocked.Add(ref _retried, value);
                break;
            case "debateevents.kafka.consumer.dead_lettered":
                Interlocked.Add(ref _deadLettered, value);
                break;
        }
    }
}
