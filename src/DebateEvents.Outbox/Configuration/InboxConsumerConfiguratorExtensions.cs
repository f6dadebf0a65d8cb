using DebateEvents.Outbox.Inbox;
using MassTransit;

namespace DebateEvents.Outbox.Configuration;

/// <summary>Turns on the inbox for a consumer: <c>e.ConfigureConsumer&lt;T&gt;(context, c =&gt; c.UseDebateEventsInbox())</c>.</summary>
public static class InboxConsumerConfiguratorExtensions
{
    /// <summary>
    /// Handles each event (by MessageId, which topic endpoints take from <c>ce_id</c>) at most once per
    /// consumer type: the inbox entry, the consumer's changes to the outbox DbContext and the events it
    /// publishes commit in one transaction; redeliveries are acknowledged without running the consumer.
    /// The consumer must use the DbContext registered with <c>AddDebateEventsOutbox</c> from its scope.
    /// </summary>
    public static void UseDebateEventsInbox<TConsumer>(this IConsumerConfigurator<TConsumer> configurator)
        where TConsumer : class
    {
        ArgumentNullException.ThrowIfNull(configurator);
        configurator.AddPipeSpecification(new InboxPipeSpecification<TConsumer>());
    }
}
