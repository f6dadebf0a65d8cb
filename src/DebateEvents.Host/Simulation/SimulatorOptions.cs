using System.ComponentModel.DataAnnotations;

namespace DebateEvents.Host.Simulation;

/// <summary>The debate simulator's settings, bound from <c>Simulator</c> (env <c>DEBATE_SIMULATOR_RATE</c>).</summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Simulator";

    /// <summary>Events per second; 0 turns the simulator off. Unset: 2 in embedded mode, 0 with external Kafka.</summary>
    [Range(0, 10_000)]
    public int? Rate { get; set; }

    /// <summary>The share of arguments sent for a debate nobody started, which the debate processor rejects
    /// (so the dead-letter path has something to show). Default 0.02.</summary>
    [Range(0.0, 1.0)]
    public double RejectedShare { get; set; } = 0.02;
}
