using System.Globalization;
using System.Text.Json;
using Confluent.SchemaRegistry;
using DebateEvents.Avro;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.WireFormat;
using DebateEvents.Embedded;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Serializes and deserializes one realistic debate event with our Avro codec and, on the same event in the same run,
/// with three baselines: System.Text.Json (source-generated, the fastest JSON configuration) and Apache.Avro's
/// specific records on the body, and Confluent's Avro serdes against our framed path through one schema registry.
/// </summary>
internal static class AvroScenario
{
    private const int AllocationIterations = 100_000;

    public static async Task<string> RunAsync(CancellationToken ct)
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
        Verify(avroDeserializer.Deserialize(avroBytes), JsonSerializer.Deserialize(jsonBytes, jsonType)!, "Avro and JSON round-trips");
        using var apache = new ApacheAvroBaseline(value, avroBytes);
        VerifyApache(apache, avroBytes);
        Console.WriteLine($"avro: payload {avroBytes.Length} bytes Avro, {jsonBytes.Length} bytes JSON");

        await using var registry = await EmbeddedSchemaRegistry.StartAsync();
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = registry.Url });
        var topic = $"avro-bench-{Guid.NewGuid():N}";
        using var framed = new AvroFramedSubject(client, value, topic);
        var confluent = new ConfluentSerdesBaseline(client, value, topic);
        await framed.PrepareAsync(ct);
        await confluent.PrepareAsync(ct);
        VerifyFramed(framed, confluent, apache, value);

        var serRatio = Compare("serialize", "System.Text.Json", SerializeJson, SerializeAvro, ct);
        var deRatio = Compare("deserialize", "System.Text.Json", () => JsonSerializer.Deserialize(jsonBytes, jsonType), () => avroDeserializer.Deserialize(avroBytes), ct);
        var apacheSerRatio = Compare("serialize", "Apache.Avro", apache.Serialize, SerializeAvro, ct);
        var apacheDeRatio = Compare("deserialize", "Apache.Avro", () => apache.Deserialize(), () => avroDeserializer.Deserialize(avroBytes), ct);
        var confluentSerRatio = Compare("framed serialize", "Confluent serdes", confluent.Serialize, framed.Serialize, ct);
        var confluentDeRatio = Compare("framed deserialize", "Confluent serdes", () => confluent.Deserialize(), () => framed.Deserialize(), ct);

        var serAlloc = AvroMeasurement.BytesAllocatedPerCall(SerializeAvro, AllocationIterations);
        var framedSerAlloc = AvroMeasurement.BytesAllocatedPerCall(framed.Serialize, AllocationIterations);
        var deAlloc = AvroMeasurement.BytesAllocatedPerCall(() => avroDeserializer.Deserialize(avroBytes), AllocationIterations);
        var apacheSerAlloc = AvroMeasurement.BytesAllocatedPerCall(apache.Serialize, AllocationIterations);
        Console.WriteLine($"avro: allocated per call: serialize {serAlloc:F1} B, framed serialize {framedSerAlloc:F1} B, deserialize {deAlloc:F0} B (the decoded object graph)");
        Console.WriteLine($"avro: allocated per call by Apache.Avro: serialize {apacheSerAlloc:F0} B");

        return string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT avro ser_ratio={serRatio:F2} de_ratio={deRatio:F2} apache_ser_ratio={apacheSerRatio:F2} apache_de_ratio={apacheDeRatio:F2} confluent_ser_ratio={confluentSerRatio:F2} confluent_de_ratio={confluentDeRatio:F2} ser_alloc_bytes={serAlloc:F0} framed_ser_alloc_bytes={framedSerAlloc:F0}");
    }

    // The ratio is baseline time over ours: above 1, ours is faster.
    private static double Compare(string what, string baselineName, Action baseline, Action ours, CancellationToken ct)
    {
        var (baselineNs, oursNs, ratio) = AvroMeasurement.Compare(baseline, ours, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avro: {what}: {baselineName} {baselineNs:F0} ns/op, ours {oursNs:F0} ns/op, median ratio {ratio:F2}"));
        return ratio;
    }

    // Both decoders must produce the same event, or the timings compare different work.
    private static void Verify(AvroBenchmarkEvent decoded, AvroBenchmarkEvent expected, string what)
    {
        if (decoded.EventId != expected.EventId || decoded.Content != expected.Content || decoded.CitedArguments.Count != expected.CitedArguments.Count
            || decoded.CitedArguments[2].Weight != expected.CitedArguments[2].Weight || decoded.OccurredAt != expected.OccurredAt
            || decoded.Confidence != expected.Confidence || decoded.Stance != expected.Stance || !decoded.Tags.SequenceEqual(expected.Tags))
        {
            throw new InvalidOperationException($"{what} disagree; the benchmark would compare different work.");
        }
    }

    // The hand-written specific record must encode the event exactly as ours does, and read back every field.
    private static void VerifyApache(ApacheAvroBaseline apache, byte[] ours)
    {
        apache.Serialize();
        if (!apache.Written.SequenceEqual(ours))
        {
            throw new InvalidOperationException(
                $"Apache.Avro's specific record writes {Convert.ToHexString(apache.Written)}, ours {Convert.ToHexString(ours)}: the record class does not match the schema or the event; aborting the avro scenario.");
        }

        if (!apache.Encode(apache.Deserialize()).AsSpan().SequenceEqual(ours))
        {
            throw new InvalidOperationException("Apache.Avro's reader lost fields of the event; aborting the avro scenario.");
        }
    }

    // Same subject, same schema: the framed bodies must be identical and both deserializers must read the event back
    // whole. The ids may differ: Apache.Avro registers its own rewrite of the schema text (nested names get an explicit
    // namespace), which the embedded registry, comparing texts rather than parsed schemas, takes for a new version.
    private static void VerifyFramed(AvroFramedSubject ours, ConfluentSerdesBaseline confluent, ApacheAvroBaseline apache, AvroBenchmarkEvent value)
    {
        var ourId = ConfluentWireFormat.ReadHeader(ours.Message, out var ourBody);
        var theirId = ConfluentWireFormat.ReadHeader(confluent.Message, out var theirBody);
        if (!ourBody.SequenceEqual(theirBody))
        {
            throw new InvalidOperationException(
                $"Confluent's serdes frame {Convert.ToHexString(confluent.Message)}, ours {Convert.ToHexString(ours.Message)}; aborting the avro scenario.");
        }

        Verify(ours.Deserialize(), value, "Our framed round-trip and the event");
        if (!apache.Encode(confluent.Deserialize()).AsSpan().SequenceEqual(ourBody))
        {
            throw new InvalidOperationException("Confluent's deserializer lost fields of the event; aborting the avro scenario.");
        }

        Console.WriteLine($"avro: framed {ours.Message.Length} bytes; schema id {ourId} ours, {theirId} Confluent's");
    }
}
