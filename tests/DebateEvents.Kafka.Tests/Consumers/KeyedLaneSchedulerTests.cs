using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;
using DebateEvents.Kafka.Consumers;
using FsCheck;
using FsCheck.Xunit;

namespace DebateEvents.Kafka.Tests.Consumers;

public sealed class KeyedLaneSchedulerTests
{
    [Property(MaxTest = 30)]
    public async Task RecordsOfOneKey_RunOneAtATimeInArrivalOrder_AcrossKeysConcurrently(NonEmptyArray<byte> keyDraws)
    {
        var progress = new PartitionProgress(new TopicPartition("debates", 0));
        var running = new ConcurrentDictionary<string, int>();
        var seen = new ConcurrentDictionary<string, ConcurrentQueue<long>>();
        var overlaps = 0;
        var scheduler = new KeyedLaneScheduler(8, 16, async record =>
        {
            var key = Encoding.UTF8.GetString(record.Result.Message.Key!);
            if (running.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            await Task.Yield();
            seen.GetOrAdd(key, _ => new ConcurrentQueue<long>()).Enqueue(record.Offset);
            running.AddOrUpdate(key, 0, (_, n) => n - 1);
            return TimeSpan.Zero;
        });
        var expected = new Dictionary<string, List<long>>();
        var chunk = new List<ConsumedRecord>();
        for (var offset = 0; offset < keyDraws.Get.Length; offset++)
        {
            var key = $"k{keyDraws.Get[offset] % 7}";
            expected.TryAdd(key, []);
            expected[key].Add(offset);
            chunk.Add(progress.Track(Result(key, offset))!);
            // The poll loop hands over chunks of whatever size was ready: end one where the draw says so.
            if (keyDraws.Get[offset] % 3 == 0)
            {
                scheduler.Enqueue(chunk);
                chunk.Clear();
            }
        }

        scheduler.Enqueue(chunk);

        await Eventually.Until(() => seen.Values.Sum(q => q.Count) == keyDraws.Get.Length, TimeSpan.FromSeconds(5),
            () => $"{seen.Values.Sum(q => q.Count)} of {keyDraws.Get.Length} records ran");
        await scheduler.Complete();

        Assert.Equal(0, overlaps);
        foreach (var (key, offsets) in expected)
        {
            Assert.Equal(offsets, seen[key]);
        }
    }

    [Fact]
    public async Task DeferredRecord_HoldsBackItsKey_WhileOtherKeysRun()
    {
        var progress = new PartitionProgress(new TopicPartition("debates", 0));
        var order = new ConcurrentQueue<string>();
        var deferredOnce = 0;
        var scheduler = new KeyedLaneScheduler(2, 4, record =>
        {
            var key = Encoding.UTF8.GetString(record.Result.Message.Key!);
            if (key == "slow" && record.Offset == 0 && Interlocked.Exchange(ref deferredOnce, 1) == 0)
            {
                return ValueTask.FromResult(TimeSpan.FromMilliseconds(200));
            }

            order.Enqueue($"{key}@{record.Offset}");
            return ValueTask.FromResult(TimeSpan.Zero);
        });

        scheduler.Enqueue([progress.Track(Result("slow", 0))!, progress.Track(Result("fast", 1))!]);
        scheduler.Enqueue([progress.Track(Result("slow", 2))!]);
        await Eventually.Until(() => order.Count == 3, TimeSpan.FromSeconds(5), () => $"ran {string.Join(", ", order)}");
        await scheduler.Complete();

        Assert.Equal(["fast@1", "slow@0", "slow@2"], order);
    }

    private static ConsumeResult<byte[]?, byte[]> Result(string key, long offset) =>
        new()
        {
            Topic = "debates",
            Partition = 0,
            Offset = offset,
            Message = new Message<byte[]?, byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = [] },
        };
}
