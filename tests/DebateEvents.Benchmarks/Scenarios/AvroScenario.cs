using System.Globalization;
using System.Text.Json;
using DebateEvents.Avro;
using DebateEvents.Avro.Binary;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Serializes and deserializes one realistic debate event with the Avro codec and with System.Text.Json
/// (source-generated, the fastest JSON configuration), both into a reused pooled buffer.
/// </summary>
internal static class AvroScenario
{
    private const int AllocationIterations = 100_000;

    public static Task<string> RunAsync(CancellationToken ct)
    {
        var value = AvroBenchmarkEvent.Sample();
        var avroSerializer = new AvroSerializer<AvroBenchmarkEvent>(AvroBenchmarkEvent.Schema);
        var avroDeserializer = new AvroDeserializer<AvroBenchmarkEvent>(AvroBenchmarkEvent.Schema);
        var jsonType = AvroBenchmarkJsonContext.Default.AvroBenchmarkEvent;
        using var avroBuffer = new PooledBufferWriter();
        using var jsonBuffer = new PooledBufferWriter();
        using var jsonWriter = new Utf8JsonWriter(jsonBuffer);

        void SerializeAvro()
        {
            avroBuffer.Reset();
            avroSerializer.Serialize(value, avroBuffer);
        }

        void SerializeJson()
        {
            jsonBuffer.Reset();
            jsonWriter.Reset(jsonBuffer);
            JsonSerializer.Serialize(jsonWriter, value, jsonType);
        }

        SerializeAvro();
        SerializeJson();
        var avroBytes = avroBuffer.WrittenSpan.ToArray();
        var jsonBytes = jsonBuffer.WrittenSpan.ToArray();
        Verify(avroDeserializer.Deserialize(avroBytes), JsonSerializer.Deserialize(jsonBytes, jsonType)!);
        Console.WriteLine($"avro: payload {avroBytes.Length} bytes Avro, {jsonBytes.Length} bytes JSON");

        var (jsonSer, avroSer, serRatio) = AvroMeasurement.Compare(SerializeJson, SerializeAvro, ct);
        Report("serialize", jsonSer, avroSer, serRatio);
        var (jsonDe, avroDe, deRatio) = AvroMeasurement.Compare(() => JsonSerializer.Deserialize(jsonBytes, jsonType), () => avroDeserializer.Deserialize(avroBytes), ct);
        Report("deserialize", jsonDe, avroDe, deRatio);
        var serAlloc = AvroMeasurement.BytesAllocatedPerCall(SerializeAvro, AllocationIterations);
        var deAlloc = AvroMeasurement.BytesAllocatedPerCall(() => avroDeserializer.Deserialize(avroBytes), AllocationIterations);
        Console.WriteLine($"avro: allocated per call: serialize {serAlloc:F1} B, deserialize {deAlloc:F0} B (the decoded object graph)");

        return Task.FromResult(string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT avro ser_ratio={serRatio:F2} de_ratio={deRatio:F2} ser_alloc_bytes={serAlloc:F0}"));
    }

    private static void Report(string what, double jsonNs, double avroNs, double ratio) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avro: {what}: System.Text.Json {jsonNs:F0} ns/op, Avro {avroNs:F0} ns/op, median ratio {ratio:F2}"));

    // Both decoders must produce the same event, or the timings compare different work.
    private static void Verify(AvroBenchmarkEvent avro, AvroBenchmarkEvent json)
    {
        if (avro.EventId != json.EventId || avro.Content != json.Content || avro.CitedArguments.Count != json.CitedArguments.Count
            || avro.CitedArguments[2].Weight != json.CitedArguments[2].Weight || avro.OccurredAt != json.OccurredAt
            || avro.Confidence != json.Confidence || avro.Stance != json.Stance || !avro.Tags.SequenceEqual(json.Tags))
        {
            throw new InvalidOperationException("Avro and JSON round-trips disagree; the benchmark would compare different work.");
        }
    }
}
