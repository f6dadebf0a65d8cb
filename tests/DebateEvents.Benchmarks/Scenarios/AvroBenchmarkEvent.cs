using DebateEvents.Avro;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>A realistic debate event of sixteen fields: strings, uuids, timestamps, an enum, a nullable, a string
/// list and an array of records. All serializers work on the same instance; it carries its schema, as generated
/// contracts do, so the registry serializers take it.</summary>
internal sealed class AvroBenchmarkEvent : IAvroRecord
{
    public static AvroSchema Schema { get; } = AvroSchema.Parse("""
        {"type":"record","name":"ArgumentRebutted","namespace":"zamaz.debate.benchmark","fields":[
          {"name":"event_id","type":{"type":"string","logicalType":"uuid"}},
          {"name":"debate_id","type":{"type":"string","logicalType":"uuid"}},
          {"name":"round","type":"int"},
          {"name":"participant","type":"string"},
          {"name":"stance","type":{"type":"enum","name":"Stance","symbols":["FOR","AGAINST","NEUTRAL"]}},
          {"name":"title","type":"string"},
          {"name":"content","type":"string"},
          {"name":"confidence","type":["null","double"],"default":null},
          {"name":"tags","type":{"type":"array","items":"string"}},
          {"name":"cited_arguments","type":{"type":"array","items":{"type":"record","name":"Citation","fields":[
            {"name":"argument_id","type":{"type":"string","logicalType":"uuid"}},
            {"name":"participant","type":"string"},
            {"name":"weight","type":"double"}]}}},
          {"name":"occurred_at","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"received_at","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"correlation_id","type":"string"},
          {"name":"source","type":"string"},
          {"name":"version","type":"long"},
          {"name":"is_rebuttal","type":"boolean"}]}
        """);

    AvroSchema IAvroRecord.Schema => Schema;

    public Guid EventId { get; set; }

    public Guid DebateId { get; set; }

    public int Round { get; set; }

    public string Participant { get; set; } = "";

    public AvroBenchmarkStance Stance { get; set; }

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public double? Confidence { get; set; }

    public IReadOnlyList<string> Tags { get; set; } = [];

    public IReadOnlyList<AvroBenchmarkCitation> CitedArguments { get; set; } = [];

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string CorrelationId { get; set; } = "";

    public string Source { get; set; } = "";

    public long Version { get; set; }

    public bool IsRebuttal { get; set; }

    public static AvroBenchmarkEvent Sample() => new()
    {
        EventId = Guid.Parse("6d1f3a2e-8b7c-4e5d-9f0a-1b2c3d4e5f60"),
        DebateId = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
        Round = 3,
        Participant = "gemini-2.5-pro",
        Stance = AvroBenchmarkStance.Against,
        Title = "Event sourcing raises the cost of every schema change",
        Content = "Replaying the full history on every deployment couples the read models to every past shape of every "
            + "event. With a registry and backward-compatible evolution the cost is bounded, but only if the team keeps "
            + "defaults on every new field and never reuses a removed name.",
        Confidence = 0.82,
        Tags = ["architecture", "event-sourcing", "schema-evolution"],
        CitedArguments =
        [
            new() { ArgumentId = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001"), Participant = "claude-opus", Weight = 0.6 },
            new() { ArgumentId = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000002"), Participant = "gpt-5", Weight = 0.3 },
            new() { ArgumentId = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000003"), Participant = "claude-opus", Weight = 0.1 },
        ],
        OccurredAt = new DateTimeOffset(2026, 11, 22, 17, 30, 15, 123, TimeSpan.Zero),
        ReceivedAt = new DateTimeOffset(2026, 11, 22, 17, 30, 15, 456, TimeSpan.Zero),
        CorrelationId = "corr-7f3a9c2e5b1d",
        Source = "urn:zamaz:debate-orchestrator",
        Version = 42,
        IsRebuttal = true,
    };
}
