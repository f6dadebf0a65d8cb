using System.Globalization;

namespace DebateEvents.Broker;

/// <summary>
/// Where the standalone broker listens. Each setting comes from <c>--name=value</c> (or <c>--name value</c>) or
/// else from its environment variable; port 0 takes a free port (the ready line says which).
/// </summary>
internal sealed class BrokerOptions
{
    private static readonly (string Argument, string Variable, string Meaning)[] Settings =
    [
        ("kafka-port", "BROKER_KAFKA_PORT", "first Kafka port; broker N listens on it + N - 1 (default 9092)"),
        ("registry-port", "BROKER_REGISTRY_PORT", "Schema Registry port (default 8081)"),
        ("control-port", "BROKER_CONTROL_PORT", "control endpoint port (default 9644)"),
        ("brokers", "BROKER_COUNT", "brokers in the cluster, 1 to 9 (default 1)"),
    ];

    public int KafkaPort { get; private init; } = 9092;

    public int RegistryPort { get; private init; } = 8081;

    public int ControlPort { get; private init; } = 9644;

    public int Brokers { get; private init; } = 1;

    public static string Usage =>
        "usage: scripts/broker.sh [--kafka-port=9092] [--registry-port=8081] [--control-port=9644] [--brokers=1]\n"
        + string.Join('\n', Settings.Select(s => $"  --{s.Argument} ({s.Variable}): {s.Meaning}"));

    /// <exception cref="ArgumentException">An unknown argument or a value out of range, named.</exception>
    public static BrokerOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{argument}'.");
            }

            var parts = argument[2..].Split('=', 2);
            var value = parts.Length == 2 ? parts[1]
                : i + 1 < args.Count ? args[++i]
                : throw new ArgumentException($"--{parts[0]} needs a value.");
            if (!Settings.Any(s => s.Argument == parts[0]))
            {
                throw new ArgumentException($"Unknown argument --{parts[0]}.");
            }

            given[parts[0]] = value;
        }

        int Read(string argument, int fallback, int min, int max)
        {
            var setting = Settings.Single(s => s.Argument == argument);
            var text = given.GetValueOrDefault(argument) ?? environment(setting.Variable);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new ArgumentException($"--{argument} ({setting.Variable}) is '{text}'; allowed: {min} to {max}.");
        }

        return new BrokerOptions
        {
            KafkaPort = Read("kafka-port", 9092, 0, 65535),
            RegistryPort = Read("registry-port", 8081, 0, 65535),
            ControlPort = Read("control-port", 9644, 0, 65535),
            Brokers = Read("brokers", 1, 1, 9),
        };
    }
}
