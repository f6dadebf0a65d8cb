using DebateEvents.Avro.Compatibility;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Tests.Compatibility;

/// <summary>
/// The CI gate: every schema in schemas/ must be compatible, at the BACKWARD level domain.md prescribes, with the latest version
/// kept under schemas/history/&lt;Event&gt;/v&lt;N&gt;.avsc. It reads files from the repository, hence the trait.
/// </summary>
[Trait("Category", "Integration")]
public class SchemaHistoryGateTests
{
    private const CompatibilityLevel Level = CompatibilityLevel.Backward;

    public static TheoryData<string> CurrentSchemas() => new(SchemaNames());

    [Fact]
    public void SchemasFolder_HoldsOneSchemaPerDomainEvent()
    {
        string[] expected = ["AnalyzeDebate", "ArgumentSubmitted", "DebateAnalysis", "DebateCompleted", "DebateInitiated", "DecisionMade", "EvolutionTriggered", "MetricRecorded", "WebhookNotificationRequested"];

        Assert.Equal(expected, SchemaNames());
    }

    [Theory]
    [MemberData(nameof(CurrentSchemas))]
    public void Schema_IsCompatibleWithEveryKeptPreviousVersion(string name)
    {
        var current = AvroSchema.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, name + ".avsc")));
        var historyFolder = Path.Combine(RepositoryPaths.Schemas, "history", name);
        var previous = Directory.GetFiles(historyFolder, "v*.avsc")
            .OrderBy(p => int.Parse(Path.GetFileNameWithoutExtension(p)[1..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(p => AvroSchema.Parse(File.ReadAllText(p)))
            .ToList();

        Assert.NotEmpty(previous);
        var problems = CompatibilityChecker.Check(current, previous, Level);
        Assert.True(problems.Count == 0, $"{name}.avsc breaks {Level.ToWireName()}:\n{string.Join("\n", problems)}");
    }

    private static string[] SchemaNames() =>
        Directory.GetFiles(RepositoryPaths.Schemas, "*.avsc").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [MemberData(nameof(CurrentSchemas))]
    public void GeneratedContract_CarriesExactlyTheSchemaInItsFile(string name)
    {
        var file = AvroSchema.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, name + ".avsc")));
        var contract = typeof(Zamaz.Debate.Events.DebateInitiated).Assembly.GetType("Zamaz.Debate.Events." + name)!;
        var generated = AvroCodec.SchemaOf(contract)!;

        Assert.Equal(file.CanonicalForm, generated.CanonicalForm);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(file.SourceText!), System.Text.Json.Nodes.JsonNode.Parse(generated.SourceText!)));
    }

    [Fact]
    public void Gate_WouldFail_OnAFieldAddedWithoutDefault()
    {
        var previous = AvroSchema.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "history", "MetricRecorded", "v1.avsc")));
        var broken = AvroSchema.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "MetricRecorded.avsc")).Replace("\"default\": null, ", "", StringComparison.Ordinal));

        var message = Assert.Single(CompatibilityChecker.Check(broken, [previous], Level));

        Assert.Contains("/MetricRecorded/unit: ReaderFieldMissingDefault", message, StringComparison.Ordinal);
    }
}
