using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Json;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro;

/// <summary>
/// Converts between Avro binary and Avro's JSON encoding without a CLR type: for tooling, dead-letter inspection
/// and tests. Unions are written <c>{"branch": value}</c>, bytes and fixed as strings of code points 0-255.
/// </summary>
internal static class AvroJson
{
    /// <summary>Encodes a JSON-encoded value as Avro binary.</summary>
    /// <param name="schema">The schema the value conforms to.</param>
    /// <param name="json">The value in Avro's JSON encoding.</param>
    /// <returns>The binary encoding.</returns>
    /// <exception cref="AvroSchemaException">The JSON does not conform to the schema.</exception>
    public static byte[] ToBinary(AvroSchema schema, string json)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return AvroJsonEncoder.Encode(schema, document.RootElement, defaultMode: false);
    }

    /// <summary>Decodes Avro binary into Avro's JSON encoding.</summary>
    /// <param name="schema">The schema the data was written with.</param>
    /// <param name="data">The binary value; every byte must be consumed.</param>
    /// <returns>Compact JSON text.</returns>
    /// <exception cref="AvroDecodingException">The data is truncated, corrupt or has trailing bytes.</exception>
    public static string FromBinary(AvroSchema schema, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            var reader = new AvroReader(data);
            AvroJsonDecoder.Decode(schema, ref reader, json);
            if (reader.Remaining != 0)
            {
                throw reader.Error($"{reader.Remaining} bytes remain after the value");
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
