using System.Text;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Tests.Storage;

public sealed class OrderingKeysTests
{
    [Fact]
    public void For_SameTopicAndKey_IsTheSameWhateverTheEvent()
    {
        var key = Encoding.UTF8.GetBytes("debate-1");

        Assert.Equal(OrderingKeys.For("debates", key, Guid.NewGuid()), OrderingKeys.For("debates", key, Guid.NewGuid()));
        Assert.NotEqual(OrderingKeys.For("debates", key, Guid.NewGuid()), OrderingKeys.For("decisions", key, Guid.NewGuid()));
    }

    [Fact]
    public void For_RecordsWithoutKey_NeverShareAnOrderingKey()
    {
        Assert.NotEqual(OrderingKeys.For("debates", null, Guid.NewGuid()), OrderingKeys.For("debates", null, Guid.NewGuid()));
    }

    [Fact]
    public void Bucket_IsStableAndSpreadsKeysOverEveryBucket()
    {
        Assert.Equal(OrderingKeys.Bucket("debates\nabc", 64), OrderingKeys.Bucket("debates\nabc", 64));
        var buckets = Enumerable.Range(0, 5000).Select(i => OrderingKeys.Bucket($"debates\n{Guid.NewGuid()}", 64)).ToList();
        Assert.All(buckets, b => Assert.InRange(b, 0, 63));
        Assert.Equal(64, buckets.Distinct().Count());
    }
}
