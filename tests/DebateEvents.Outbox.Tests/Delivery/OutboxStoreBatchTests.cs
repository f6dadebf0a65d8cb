using Confluent.Kafka;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Tests.Delivery;

public sealed class OutboxStoreBatchTests
{
    [Fact]
    public void RetriedRowsGoAlone_WhenAKeysHeadWasRejected_HoldsBackOnlyThatKeysLaterRows()
    {
        var rejected = DeliveryErrors.Describe(new Error(ErrorCode.MsgSizeTooLarge));
        var timedOut = DeliveryErrors.Describe(new Error(ErrorCode.Local_MsgTimedOut));
        var rows = new List<OutboxMessage>
        {
            Row(1, "a", rejected),
            Row(2, "b", timedOut),
            Row(3, "a", null),
            Row(4, "b", null),
            Row(5, "c", null),
            Row(6, "a", null),
        };

        var batch = OutboxStore.RetriedRowsGoAlone(rows);

        Assert.Equal([1L, 2, 4, 5], batch.Select(r => r.SequenceNumber));
    }

    [Fact]
    public void Describe_MarksBrokerRejectionsButNotOutages()
    {
        Assert.True(DeliveryErrors.WasRejected(DeliveryErrors.Describe(new Error(ErrorCode.TopicAuthorizationFailed))));
        Assert.False(DeliveryErrors.WasRejected(DeliveryErrors.Describe(new Error(ErrorCode.Local_AllBrokersDown))));
        Assert.False(DeliveryErrors.WasRejected(null));
    }

    private static OutboxMessage Row(long sequence, string key, string? lastError) => new()
    {
        SequenceNumber = sequence,
        OrderingKey = key,
        Attempts = lastError is null ? 0 : 1,
        LastError = lastError,
    };
}
