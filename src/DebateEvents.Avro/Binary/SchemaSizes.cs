using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Binary;

/// <summary>The fewest bytes a value of a schema can take, used to bound item counts against the remaining data.</summary>
internal static class SchemaSizes
{
    public static int MinimumSize(AvroSchema schema) => MinimumSize(schema, []);

    // A record met again (recursion, or used twice) counts as zero: a lower bound is always safe.
    private static int MinimumSize(AvroSchema schema, HashSet<AvroSchema> visiting) => schema switch
    {
        { Type: AvroType.Null } => 0,
        { Type: AvroType.Float } => 4,
        { Type: AvroType.Double } => 8,
        FixedSchema f => f.Size,
        RecordSchema r => visiting.Add(r) ? r.Fields.Sum(f => MinimumSize(f.Schema, visiting)) : 0,
        _ => 1,
    };
}
