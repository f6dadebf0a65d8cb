namespace DebateEvents.Kafka.Tests.Support;

/// <summary>Names the host (instance) a consumer ran in.</summary>
public sealed record InstanceName(string Name);
