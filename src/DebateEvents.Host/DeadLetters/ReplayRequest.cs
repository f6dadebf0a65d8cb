namespace DebateEvents.Host.DeadLetters;

/// <summary>The body of <c>POST /kafka/dead-letters/{topic}/replay</c>: the dead letters to replay, or all of them.</summary>
internal sealed class ReplayRequest
{
    /// <summary>Dead letters by their partition and offset in the dead-letter topic.</summary>
    public IReadOnlyList<RecordPosition>? Offsets { get; init; }

    /// <summary>Replays every record the dead-letter topic holds.</summary>
    public bool All { get; init; }
}

/// <summary>A record's place in a topic.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The offset in that partition.</param>
internal sealed record RecordPosition(int Partition, long Offset);

/// <summary>One replayed dead letter: where it was in the dead-letter topic, and where it went in its source topic.</summary>
/// <param name="From">Its place in the dead-letter topic.</param>
/// <param name="Topic">The topic it was replayed to.</param>
/// <param name="To">Its new place there.</param>
internal sealed record Replayed(RecordPosition From, string Topic, RecordPosition To);
