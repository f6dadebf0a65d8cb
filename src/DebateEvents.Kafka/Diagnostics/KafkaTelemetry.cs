using System.Diagnostics;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>Names under which the rider publishes its spans and instruments, for OpenTelemetry's AddSource/AddMeter.</summary>
public static class KafkaTelemetry
{
    /// <summary>Name of the <see cref="ActivitySource"/> and of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "DebateEvents.Kafka";

    internal static readonly ActivitySource Source = new(Name);
}
