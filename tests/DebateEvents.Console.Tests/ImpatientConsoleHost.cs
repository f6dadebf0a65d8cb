namespace DebateEvents.Console.Tests;

/// <summary>The console's host with the <c>kafka</c> check Unhealthy as soon as the brokers stop answering (no Degraded grace).</summary>
public sealed class ImpatientConsoleHost : ConsoleHost
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Kafka:UnhealthyAfter"] = "00:00:00";
}
