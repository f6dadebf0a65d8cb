using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox;

/// <summary>Adds the outbox, inbox, dead-letter and lease tables to an application's own DbContext model.</summary>
public static class OutboxModelBuilderExtensions
{
    /// <summary>
    /// Maps the outbox tables (<c>outbox_message</c>, <c>outbox_inbox_state</c>, <c>outbox_dead_letter</c>,
    /// <c>outbox_lease</c>, <c>outbox_instance</c>) into <paramref name="modelBuilder"/>. Call it from
    /// <c>OnModelCreating</c> of the DbContext passed to <c>AddDebateEventsOutbox</c>, so events and
    /// state changes share one connection and one transaction.
    /// </summary>
    public static ModelBuilder AddOutboxEntities(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        OutboxModel.MapMessages(modelBuilder.Entity<OutboxMessage>());
        OutboxModel.MapInbox(modelBuilder.Entity<InboxState>());
        OutboxModel.MapDeadLetters(modelBuilder.Entity<DeadLetterEntry>());
        OutboxModel.MapLeases(modelBuilder.Entity<OutboxLease>(), modelBuilder.Entity<OutboxInstance>());
        return modelBuilder;
    }
}
