using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>The schema of <typeparamref name="T"/>, looked up by reflection once per type.</summary>
internal static class RecordSchemaCache<T>
    where T : IAvroRecord
{
    private static readonly AvroSchema? Found = AvroCodec.SchemaOf(typeof(T));

    public static AvroSchema Schema => Found
        ?? throw new AvroTypeMappingException($"{typeof(T).Name} implements IAvroRecord but has no public static Schema property.");
}
