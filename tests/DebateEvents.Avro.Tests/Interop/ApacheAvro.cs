using System.Text;
using Avro.Generic;
using Avro.IO;

namespace DebateEvents.Avro.Tests.Interop;

/// <summary>
/// Apache.Avro, the project's reference implementation for .NET and independent of ours, run in-process: Avro JSON
/// encoding in and binary out, binary in (failing on trailing bytes) and Avro JSON encoding plus a re-encoding out.
/// </summary>
internal static class ApacheAvro
{
    public static IReadOnlyList<InteropResult> Process(IReadOnlyList<InteropCase> cases) => cases.Select(Process).ToList();

    private static InteropResult Process(InteropCase c)
    {
        try
        {
            var schema = global::Avro.Schema.Parse(c.Schema);
            var theirHex = c.Json is null ? null : Hex(schema, FromJson(schema, c.Json));
            string? decodedJson = null, reencodedHex = null;
            if (c.Hex is not null)
            {
                var value = FromBinary(schema, Convert.FromHexString(c.Hex));
                decodedJson = ToJson(schema, value);
                reencodedHex = Hex(schema, value);
            }

            return new InteropResult(theirHex, decodedJson, reencodedHex, null);
        }
        catch (Exception ex) when (ex is global::Avro.AvroException or IOException or FormatException or InvalidCastException)
        {
            return new InteropResult(null, null, null, ex.Message);
        }
    }

    private static object? FromJson(global::Avro.Schema schema, string json) =>
        new GenericDatumReader<object>(schema, schema).Read(null!, new JsonDecoder(schema, json));

    private static object? FromBinary(global::Avro.Schema schema, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var value = new GenericDatumReader<object>(schema, schema).Read(null!, new BinaryDecoder(stream));
        return stream.Position == bytes.Length ? value : throw new IOException($"{bytes.Length - stream.Position} bytes left after the value.");
    }

    private static string Hex(global::Avro.Schema schema, object? value)
    {
        using var stream = new MemoryStream();
        new GenericDatumWriter<object>(schema).Write(value!, new BinaryEncoder(stream));
        return Convert.ToHexString(stream.ToArray()).ToLowerInvariant();
    }

    private static string ToJson(global::Avro.Schema schema, object? value)
    {
        using var stream = new MemoryStream();
        var encoder = new JsonEncoder(schema, stream);
        new GenericDatumWriter<object>(schema).Write(value!, encoder);
        encoder.Flush();
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
