namespace DebateEvents.Host.ReadModels;

/// <summary>Running aggregate of one metric name, kept by the MetricsEventProcessor.</summary>
public sealed class MetricAggregate
{
    /// <summary>The metric name (the Kafka key of its events).</summary>
    public string Name { get; set; } = "";

    /// <summary>Measurements seen.</summary>
    public long Count { get; set; }

    /// <summary>Sum of all values.</summary>
    public double Sum { get; set; }

    /// <summary>Smallest value seen.</summary>
    public double Min { get; set; }

    /// <summary>Largest value seen.</summary>
    public double Max { get; set; }

    /// <summary>The most recent value.</summary>
    public double LastValue { get; set; }

    /// <summary>Unit of the most recent value, when given.</summary>
    public string? Unit { get; set; }

    /// <summary>When the first measurement was taken.</summary>
    public DateTimeOffset FirstAt { get; set; }

    /// <summary>When the most recent measurement was taken.</summary>
    public DateTimeOffset LastAt { get; set; }
}
