namespace DebateEvents.Console.Tests;

/// <summary>
/// The console's host with its Kafka clients refreshing topic metadata every half second: librdkafka remembers a topic's
/// error until its next refresh (five minutes by default), so a topic that accepts records again is seen in time.
/// </summary>
public sealed class FastMetadataConsoleHost : ConsoleHost
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Kafka:Properties:topic.metadata.refresh.interval.ms"] = "500";
}
