using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>The specification's "schemas match" rule for a writer and reader schema, including promotions.</summary>
internal static class SchemaMatching
{
    /// <summary>Whether two non-union schemas match: same type (and name/size for named types) or a promotion.</summary>
    public static bool Matches(AvroSchema writer, AvroSchema reader) => (writer, reader) switch
    {
        (NamedSchema w, NamedSchema r) when w.Type != r.Type => false,
        (FixedSchema w, FixedSchema r) => w.Size == r.Size && r.AcceptsName(w.FullName),
        (NamedSchema w, NamedSchema r) => r.AcceptsName(w.FullName),
        _ when writer.Type == reader.Type => true,
        _ => IsPromotion(writer.Type, reader.Type),
    };

    public static bool IsPromotion(AvroType writer, AvroType reader) => (writer, reader) switch
    {
        (AvroType.Int, AvroType.Long or AvroType.Float or AvroType.Double) => true,
        (AvroType.Long, AvroType.Float or AvroType.Double) => true,
        (AvroType.Float, AvroType.Double) => true,
        (AvroType.String, AvroType.Bytes) or (AvroType.Bytes, AvroType.String) => true,
        _ => false,
    };

    /// <summary>The reader branch a non-union writer resolves to: the first exact match, else the first that matches.</summary>
    public static AvroSchema? FindBranch(AvroSchema writer, UnionSchema reader) =>
        reader.Branches.FirstOrDefault(b => b.Type == writer.Type && Matches(writer, b))
        ?? reader.Branches.FirstOrDefault(b => Matches(writer, b));
}
