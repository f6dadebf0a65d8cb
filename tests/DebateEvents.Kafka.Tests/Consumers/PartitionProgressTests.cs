using Confluent.Kafka;
using DebateEvents.Kafka.Consumers;
using FsCheck;
using FsCheck.Xunit;

namespace DebateEvents.Kafka.Tests.Consumers;

public sealed class PartitionProgressTests
{
    private static readonly TopicPartition Partition = new("debates", 0);

    [Property]
    public void Watermark_IsTheOffsetAfterTheLongestSettledPrefix_WhateverTheCompletionOrder(PositiveInt size, int seed)
    {
        var count = size.Get % 60 + 1;
        var progress = new PartitionProgress(Partition);
        var records = Enumerable.Range(0, count).Select(i => progress.Track(Result(100 + i))!).ToList();
        var order = records.OrderBy(_ => new Random(seed).Next()).ToList();
        var settled = new HashSet<long>();
        var committed = 100L;

        foreach (var record in order.Take(count / 2 + 1))
        {
            progress.Complete(record);
            settled.Add(record.Offset);
            var prefix = 100L;
            while (settled.Contains(prefix))
            {
                prefix++;
            }

            var commit = progress.TakeCommit();
            if (prefix != committed)
            {
                Assert.Equal(prefix, commit?.Offset.Value);
                committed = prefix;
            }
            else
            {
                Assert.Null(commit);
            }
        }
    }

    [Fact]
    public void Fail_NeverLetsTheWatermarkPassTheFailedRecord_AndAsksToRewindToTheOldestUnsettledOffset()
    {
        var progress = new PartitionProgress(Partition);
        var records = Enumerable.Range(0, 5).Select(i => progress.Track(Result(i))!).ToList();
        progress.Complete(records[0]);
        progress.Complete(records[3]);

        progress.Fail(records[2]);
        progress.Complete(records[1]);
        progress.Complete(records[4]);

        Assert.Equal(1, progress.TakeCommit()!.Offset.Value);
        Assert.Equal(1, progress.RewindTo);
        Assert.Null(progress.Track(Result(5)));
        Assert.False(records[4].IsCurrent);
        Assert.Equal(0, progress.Outstanding);
        progress.Rewound();
        Assert.NotNull(progress.Track(Result(1)));
    }

    [Fact]
    public void Revoke_SkipsQueuedRecords_ButLetsInFlightOnesAdvanceTheWatermark()
    {
        var progress = new PartitionProgress(Partition);
        var inFlight = progress.Track(Result(7))!;
        var queued = progress.Track(Result(8))!;
        Assert.True(progress.TryStart(inFlight));

        progress.Revoke();
        Assert.Equal(1, progress.Running);
        progress.Complete(inFlight);

        Assert.False(queued.IsCurrent);
        Assert.False(progress.TryStart(queued));
        Assert.Equal(0, progress.Running);
        Assert.Equal(8, progress.TakeCommit()!.Offset.Value);
        Assert.Null(progress.Track(Result(9)));
    }

    private static ConsumeResult<byte[]?, byte[]> Result(long offset) =>
        new() { Topic = Partition.Topic, Partition = Partition.Partition, Offset = offset, Message = new Message<byte[]?, byte[]> { Value = [] } };
}
