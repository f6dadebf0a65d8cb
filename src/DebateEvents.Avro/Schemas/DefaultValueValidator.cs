using DebateEvents.Avro.Json;

namespace DebateEvents.Avro.Schemas;

/// <summary>Checks at parse time that a field's default conforms to the field's schema.</summary>
internal static class DefaultValueValidator
{
    public static void Validate(RecordField field)
    {
        try
        {
            AvroJsonEncoder.Encode(field.Schema, field.DefaultValue!.Value, defaultMode: true);
        }
        catch (AvroSchemaException ex)
        {
            throw new AvroSchemaException($"Default of field '{field.Name}' does not match its schema: {ex.Message}", ex);
        }
    }
}
