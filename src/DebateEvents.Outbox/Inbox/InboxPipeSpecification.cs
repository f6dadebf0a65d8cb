using MassTransit;
using MassTransit.Configuration;

namespace DebateEvents.Outbox.Inbox;

/// <summary>Adds the <see cref="InboxFilter{TConsumer}"/> to one consumer's pipe.</summary>
internal sealed class InboxPipeSpecification<TConsumer> : IPipeSpecification<ConsumerConsumeContext<TConsumer>>
    where TConsumer : class
{
    public void Apply(IPipeBuilder<ConsumerConsumeContext<TConsumer>> builder) => builder.AddFilter(new InboxFilter<TConsumer>());

    public IEnumerable<ValidationResult> Validate() => [];
}
