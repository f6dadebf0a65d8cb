using Confluent.Kafka;
using DebateEvents.Kafka.Consumers;

namespace DebateEvents.Kafka.Tests.Consumers;

public sealed class BackpressureGateTests
{
    [Fact]
    public void IsFull_FromTheBufferLimit_UntilARecordSettles()
    {
        var gate = new BackpressureGate(maxBufferedRecords: 3);
        gate.Polled(2);
        Assert.False(gate.IsFull);
        Assert.True(gate.HasRoomFor(1));
        Assert.False(gate.HasRoomFor(2));

        gate.Polled(1);
        Assert.True(gate.IsFull);

        gate.Settled();
        Assert.False(gate.IsFull);
    }

    [Fact]
    public async Task Drain_ReturnsTrueOnceThePartitionsRunningRecordsSettle_AndFalseWhenTheTimeoutPassesFirst()
    {
        var gate = new BackpressureGate(maxBufferedRecords: 10);
        var progress = new PartitionProgress(new TopicPartition("debates", 0));
        var record = progress.Track(Result(5))!;
        gate.Polled(1);
        Assert.True(progress.TryStart(record));

        Assert.False(gate.Drain([progress], TimeSpan.FromMilliseconds(100)));

        var draining = Task.Run(() => gate.Drain([progress], TimeSpan.FromSeconds(10)));
        progress.Complete(record);
        gate.Settled();
        Assert.True(await draining.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Drain_DoesNotWaitForRecordsStillQueuedInTheirLanes()
    {
        var gate = new BackpressureGate(maxBufferedRecords: 10);
        var progress = new PartitionProgress(new TopicPartition("debates", 0));
        progress.Track(Result(5));
        progress.Track(Result(6));
        gate.Polled(2);
        progress.Revoke();

        Assert.True(gate.Drain([progress], TimeSpan.FromMilliseconds(100)));
        Assert.Equal(2, progress.Outstanding);
    }

    private static ConsumeResult<byte[]?, byte[]> Result(long offset) =>
        new() { Topic = "debates", Partition = 0, Offset = offset, Message = new Message<byte[]?, byte[]> { Value = [] } };
}
