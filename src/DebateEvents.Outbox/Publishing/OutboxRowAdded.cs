namespace DebateEvents.Outbox.Publishing;

/// <summary>
/// Marks a publish whose outbox row was added. MassTransit runs the publish pipe's filters once per type an event is
/// published as (its class and each interface it implements, such as <c>IAvroRecord</c>), all on one publish context;
/// this payload on that context makes one publish one row, whether the publish came through a scope (scoped
/// <see cref="MassTransit.IPublishEndpoint"/>, <c>IScopedMediator</c>, a consume context) or not (<c>IBus</c>, the
/// singleton <c>IMediator</c>, where each filter run gets a scope of its own and so nothing scoped is shared).
/// </summary>
internal sealed class OutboxRowAdded;
