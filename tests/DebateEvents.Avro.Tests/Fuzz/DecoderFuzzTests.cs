using System.Diagnostics;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;
using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Fuzz;

public class DecoderFuzzTests
{
    private const int MutationsPerSeed = 4000;
    private const long MaxAllocationPerDecode = 1 << 20;

    [Fact]
    public void MutatedAndRandomBuffers_EitherDecodeOrThrowATypedException_QuicklyAndWithinMemory()
    {
        var random = new Random(20261122);
        var targets = new (IAvroDeserializer Deserializer, byte[] Seed)[]
        {
            Target<DebateInitiated>(SampleEvents.DebateInitiated()),
            Target<ArgumentSubmitted>(SampleEvents.ArgumentSubmitted()),
            Target<DebateCompleted>(SampleEvents.DebateCompleted()),
            Target<DecisionMade>(SampleEvents.DecisionMade()),
            Target<EvolutionTriggered>(SampleEvents.EvolutionTriggered()),
            Target<WebhookNotificationRequested>(SampleEvents.WebhookNotificationRequested()),
            Target<MetricRecorded>(SampleEvents.MetricRecorded()),
        };
        var outcomes = new Dictionary<string, int> { ["decoded"] = 0, ["rejected"] = 0 };
        var watch = Stopwatch.StartNew();

        foreach (var (deserializer, seed) in targets)
        {
            for (var i = 0; i < MutationsPerSeed; i++)
            {
                var input = i % 4 == 0 ? RandomBuffer(random) : Mutate(seed, random);
                outcomes[DecodeOnce(deserializer, input)]++;
                outcomes[DecodeGeneric(deserializer.WriterSchema, input)]++;
            }
        }

        Assert.True(outcomes["decoded"] > 0, "some mutations should still decode");
        Assert.True(outcomes["rejected"] > MutationsPerSeed, "most mutations should be rejected");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"fuzzing took {watch.Elapsed}");
    }

    private static (IAvroDeserializer, byte[]) Target<T>(T value)
        where T : IAvroRecord => (AvroCodec.Deserializer<T>(), AvroCodec.Serializer<T>().Serialize(value));

    private static string DecodeOnce(IAvroDeserializer deserializer, byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            deserializer.Deserialize(input);
            return "decoded";
        }
        catch (AvroDecodingException ex)
        {
            Assert.True(ex.InnerException is null, $"unexpected {ex.InnerException?.GetType().Name} on {Convert.ToHexString(input)}: {ex.Message}");
            Assert.InRange(ex.Offset, 0, input.Length);
            return "rejected";
        }
        finally
        {
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < MaxAllocationPerDecode, $"decoding {Convert.ToHexString(input)} allocated too much");
        }
    }

    private static string DecodeGeneric(AvroSchema schema, byte[] input)
    {
        try
        {
            AvroJson.FromBinary(schema, input);
            return "decoded";
        }
        catch (AvroDecodingException ex)
        {
            Assert.InRange(ex.Offset, 0, input.Length);
            return "rejected";
        }
    }

    private static byte[] RandomBuffer(Random random)
    {
        var buffer = new byte[random.Next(0, 64)];
        random.NextBytes(buffer);
        return buffer;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                case 3: bytes.Insert(at, (byte)random.Next(256)); break;
                case 4: bytes.InsertRange(at, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]); break;
                default: bytes.RemoveAt(at); break;
            }
        }

        return [.. bytes];
    }
}
