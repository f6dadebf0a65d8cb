using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// The EF Core mapping of the outbox tables. Names are explicit snake_case so the mapping, the
/// provider DDL of each <see cref="OutboxDialect"/> and the raw SQL of the dialects always agree.
/// </summary>
internal static class OutboxModel
{
    public const string MessageTable = "outbox_message";
    public const string InboxTable = "outbox_inbox_state";
    public const string DeadLetterTable = "outbox_dead_letter";
    public const string LeaseTable = "outbox_lease";
    public const string InstanceTable = "outbox_instance";

    /// <summary>
    /// Rows waiting for a retry, by retry time. Only rows that failed at least once are in it (a new row's
    /// <c>next_attempt_at</c> is 0), so a commit or a delivery mark does not write to it. It replaced
    /// <c>ix_outbox_message_backoff</c>, which held every pending row.
    /// </summary>
    public const string RetryIndex = "ix_outbox_message_retry";

    /// <summary>The filter of <see cref="RetryIndex"/>; a query uses the index only when its own filter repeats these terms.</summary>
    public const string RetryIndexFilter = "delivered_at IS NULL AND next_attempt_at > 0";

    /// <summary>Shadow property of <see cref="OutboxMessage"/> on PostgreSQL: the writing transaction's id (<c>tx_id</c>).</summary>
    public const string TransactionIdProperty = "TransactionId";

    public static void MapMessages(EntityTypeBuilder<OutboxMessage> entity)
    {
        entity.ToTable(MessageTable);
        entity.HasKey(m => m.SequenceNumber);
        entity.Property(m => m.SequenceNumber).HasColumnName("sequence_number").ValueGeneratedOnAdd();
        entity.Property(m => m.EventId).HasColumnName("event_id");
        entity.Property(m => m.Topic).HasColumnName("topic").IsRequired();
        entity.Property(m => m.Key).HasColumnName("record_key");
        entity.Property(m => m.Value).HasColumnName("record_value").IsRequired();
        entity.Property(m => m.Headers).HasColumnName("headers").IsRequired();
        entity.Property(m => m.OrderingKey).HasColumnName("ordering_key").IsRequired();
        entity.Property(m => m.Bucket).HasColumnName("bucket");
        entity.Property(m => m.CreatedAt).HasColumnName("created_at");
        entity.Property(m => m.Attempts).HasColumnName("attempts");
        entity.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
        entity.Property(m => m.LastError).HasColumnName("last_error");
        entity.Property(m => m.DeliveredAt).HasColumnName("delivered_at");
        entity.Ignore(m => m.Refresh);
        if (IsPostgres(entity.Metadata.Model))
        {
            // The transaction each row was written in, which PostgresOutboxDialect compares with the running ones. In the
            // model (not only in the dialect's DDL) so that migrations of an application's own DbContext create it too.
            entity.Property<ulong>(TransactionIdProperty).HasColumnName("tx_id").HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()");
        }

        entity.HasIndex(m => m.SequenceNumber).HasDatabaseName("ix_outbox_message_pending").HasFilter("delivered_at IS NULL");
        entity.HasIndex(m => m.NextAttemptAt).HasDatabaseName(RetryIndex).HasFilter(RetryIndexFilter);
        entity.HasIndex(m => m.DeliveredAt).HasDatabaseName("ix_outbox_message_delivered").HasFilter("delivered_at IS NOT NULL");
    }

    public static void MapInbox(EntityTypeBuilder<InboxState> entity)
    {
        entity.ToTable(InboxTable);
        entity.HasKey(s => new { s.MessageId, s.Consumer });
        entity.Property(s => s.MessageId).HasColumnName("message_id");
        entity.Property(s => s.Consumer).HasColumnName("consumer");
        entity.Property(s => s.ReceivedAt).HasColumnName("received_at");
        entity.HasIndex(s => s.ReceivedAt).HasDatabaseName("ix_outbox_inbox_state_received");
    }

    public static void MapDeadLetters(EntityTypeBuilder<DeadLetterEntry> entity)
    {
        entity.ToTable(DeadLetterTable);
        entity.HasKey(d => d.Id);
        entity.Property(d => d.Id).HasColumnName("id").ValueGeneratedOnAdd();
        entity.Property(d => d.OriginalSequenceNumber).HasColumnName("original_sequence_number");
        entity.Property(d => d.EventId).HasColumnName("event_id");
        entity.Property(d => d.Topic).HasColumnName("topic").IsRequired();
        entity.Property(d => d.Key).HasColumnName("record_key");
        entity.Property(d => d.Value).HasColumnName("record_value").IsRequired();
        entity.Property(d => d.Headers).HasColumnName("headers").IsRequired();
        entity.Property(d => d.OrderingKey).HasColumnName("ordering_key").IsRequired();
        entity.Property(d => d.Bucket).HasColumnName("bucket");
        entity.Property(d => d.CreatedAt).HasColumnName("created_at");
        entity.Property(d => d.ParkedAt).HasColumnName("parked_at");
        entity.Property(d => d.Attempts).HasColumnName("attempts");
        entity.Property(d => d.Error).HasColumnName("error").IsRequired();
    }

    public static void MapLeases(EntityTypeBuilder<OutboxLease> lease, EntityTypeBuilder<OutboxInstance> instance)
    {
        lease.ToTable(LeaseTable);
        lease.HasKey(l => l.Bucket);
        lease.Property(l => l.Bucket).HasColumnName("bucket").ValueGeneratedNever();
        lease.Property(l => l.Owner).HasColumnName("owner");
        lease.Property(l => l.ExpiresAt).HasColumnName("expires_at");
        instance.ToTable(InstanceTable);
        instance.HasKey(i => i.Owner);
        instance.Property(i => i.Owner).HasColumnName("owner");
        instance.Property(i => i.HeartbeatAt).HasColumnName("heartbeat_at");
    }

    // The core references no provider, so it tells PostgreSQL by the annotations Npgsql's conventions put on every model
    // before OnModelCreating runs.
    private static bool IsPostgres(IReadOnlyModel model) =>
        model.GetAnnotations().Any(a => a.Name.StartsWith("Npgsql:", StringComparison.Ordinal));
}
