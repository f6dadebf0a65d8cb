namespace DebateEvents.Console.Tests;

/// <summary>The console's host with an API key configured, as a host listening beyond loopback must have.</summary>
public sealed class KeyedConsoleHost : ConsoleHost
{
    public const string Key = "console-test-key-0123456789";

    protected override void Configure(IDictionary<string, string?> settings) => settings["DEBATE_EVENTS_API_KEY"] = Key;
}
