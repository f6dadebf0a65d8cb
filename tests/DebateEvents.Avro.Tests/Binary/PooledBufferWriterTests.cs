using DebateEvents.Avro.Binary;
using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Binary;

public class PooledBufferWriterTests
{
    [Fact]
    public void Writer_GrowsPastItsInitialCapacity_KeepingTheBytes()
    {
        using var writer = new PooledBufferWriter(initialCapacity: 4);

        AvroCodec.Serializer<DebateInitiated>().Serialize(SampleEvents.DebateInitiated(), writer);

        Assert.Equal(AvroCodec.Serializer<DebateInitiated>().Serialize(SampleEvents.DebateInitiated()), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void SerializingRepeatedlyIntoAResetWriter_AllocatesNothing()
    {
        using var writer = new PooledBufferWriter();
        var serializer = AvroCodec.Serializer<DecisionMade>();
        var value = SampleEvents.DecisionMade();
        serializer.Serialize(value, writer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            writer.Reset();
            serializer.Serialize(value, writer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(serializer.Serialize(value).Length, writer.WrittenCount);
    }
}
