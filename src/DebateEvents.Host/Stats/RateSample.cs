namespace DebateEvents.Host.Stats;

/// <summary>The rates of every topic over one sampling interval, ending at <paramref name="At"/>.</summary>
internal sealed record RateSample(DateTimeOffset At, IReadOnlyDictionary<string, TopicRates> Topics);
