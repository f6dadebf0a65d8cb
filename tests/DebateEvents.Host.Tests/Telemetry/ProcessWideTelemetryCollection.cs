namespace DebateEvents.Host.Tests.Telemetry;

/// <summary>
/// Tests that read what OpenTelemetry collected. Its meter provider listens to meters by name across the whole
/// process, so the hosts of tests running at the same time feed, and on disposal end, each other's metric
/// streams; these tests run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(ProcessWideTelemetryCollection), DisableParallelization = true)]
public sealed class ProcessWideTelemetryCollection;
