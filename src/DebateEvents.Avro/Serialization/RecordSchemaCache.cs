using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>The schema of <typeparamref name="T"/>, looked up by reflection once per type.</summary>
internal static class RecordSchemaCache<T>
    where T : IAvroRecord
{
    public static readonly AvroSchema Schema = AvroCodec.SchemaOf(typeof(T))
        ?? throw new AvroTypeMappingException($"{typeof(T).Name} implements IAvroRecord but has no public static Schema property.");
}
