using Confluent.Kafka;
using DebateEvents.Outbox.Delivery;

namespace DebateEvents.Outbox.Tests.Delivery;

public sealed class DeliveryErrorsTests
{
    [Theory]
    [InlineData(ErrorCode.MsgSizeTooLarge)]
    [InlineData(ErrorCode.TopicAuthorizationFailed)]
    [InlineData(ErrorCode.InvalidRecord)]
    [InlineData(ErrorCode.Local_UnknownTopic)]
    public void IsPermanent_ForRejectionsOfTheRecordOrTopic_IsTrue(ErrorCode code) =>
        Assert.True(DeliveryErrors.IsPermanent(new Error(code)));

    [Theory]
    [InlineData(ErrorCode.Local_MsgTimedOut)]
    [InlineData(ErrorCode.Local_AllBrokersDown)]
    [InlineData(ErrorCode.Local_Transport)]
    [InlineData(ErrorCode.NotLeaderForPartition)]
    [InlineData(ErrorCode.RequestTimedOut)]
    public void IsPermanent_ForOutagesAndLeadershipChanges_IsFalse(ErrorCode code) =>
        Assert.False(DeliveryErrors.IsPermanent(new Error(code)));
}
