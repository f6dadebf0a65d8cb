namespace DebateEvents.Host.Stats;

/// <summary>Records per second on one topic over one sampling interval.</summary>
internal sealed record TopicRates(double Produced, double Consumed, double DeadLettered);
