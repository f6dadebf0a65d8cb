using System.Globalization;
using HdrHistogram;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>One phase's figures: offered and processed rates, latency, memory peaks, process CPU time per event.</summary>
internal sealed record E2ePhase(string Label, E2eProcessing Processing, double TargetEps, double OfferedEps, double Eps, HistogramBase Latency, double PeakWorkingSetMb,
    double PeakHeapMb, double CpuUsPerEvent)
{
    /// <summary>A fixed-rate phase is sustained when both what was offered and what was processed reach 95 % of the target.</summary>
    public bool Sustained => TargetEps == 0 || (OfferedEps >= TargetEps * 0.95 && Eps >= TargetEps * 0.95);

    public double Percentile(double percentile) => Latency.GetValueAtPercentile(percentile) / 1000.0;

    public string ResultLine(double bareEfEps) => string.Create(CultureInfo.InvariantCulture,
        $"RESULT e2e offered={Label} eps={Eps:0} ratio_bare_ef={Eps / bareEfEps:0.00} p50_ms={Percentile(50):0.0} p99_ms={Percentile(99):0.0} "
        + $"max_ms={Latency.GetMaxValue() / 1000.0:0.0} peak_mb={PeakWorkingSetMb:0} gc_heap_mb={PeakHeapMb:0} offered_eps={OfferedEps:0} "
        + $"sustained={(Sustained ? "yes" : "no")} events={Latency.TotalCount} bare_ef_tx1_eps={bareEfEps:0} processor={Processing.ToString().ToLowerInvariant()} cpu_us={CpuUsPerEvent:0}");
}
