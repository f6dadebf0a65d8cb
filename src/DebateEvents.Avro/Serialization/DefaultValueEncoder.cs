using DebateEvents.Avro.Json;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Encodes a field's JSON default once, so readers and writers can reuse the bytes for every message.</summary>
internal static class DefaultValueEncoder
{
    public static byte[] Encode(RecordField field) =>
        AvroJsonEncoder.Encode(field.Schema, field.DefaultValue ?? throw new AvroSchemaException($"Field '{field.Name}' has no default."), defaultMode: true);
}
