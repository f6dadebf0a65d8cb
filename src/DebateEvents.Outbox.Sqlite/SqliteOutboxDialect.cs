using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Sqlite;

/// <summary>
/// SQLite: one writer at a time, so sequence order is commit order and every committed row is
/// visible in order. Times are Unix milliseconds in INTEGER columns. Every connection gets WAL and a busy
/// timeout, every transaction of the process queues at one <see cref="SqliteWriteGate"/>, and the
/// write-ahead log is checkpointed in the background.
/// </summary>
internal sealed class SqliteOutboxDialect : OutboxDialect
{
    private readonly SqliteWriteGate _gate = new();

    public SqliteOutboxDialect() => Interceptors = [new SqliteConnectionInterceptor(_gate), new SqliteTransactionInterceptor(_gate)];

    public override string Name => "sqlite";

    public override bool SupportsSeveralInstances => false;

    public override bool IsInProcess => true;

    // EF Core's SQLite provider stores Guids as upper-case text.
    public override object EventIdValue(Guid eventId) =>
        string.Create(36, eventId, static (chars, id) =>
        {
            id.TryFormat(chars, out _, "D");
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        });

    public override IReadOnlyList<string> SchemaStatements { get; } =
    [
        "PRAGMA journal_mode=WAL",
        """
        CREATE TABLE IF NOT EXISTS outbox_message (
            sequence_number INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL, topic TEXT NOT NULL, record_key BLOB NULL, record_value BLOB NOT NULL,
            headers BLOB NOT NULL, ordering_key TEXT NOT NULL, bucket INTEGER NOT NULL, created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL, last_error TEXT NULL, delivered_at INTEGER NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_outbox_message_pending ON outbox_message (sequence_number) WHERE delivered_at IS NULL",
        $"CREATE INDEX IF NOT EXISTS {OutboxModel.RetryIndex} ON outbox_message (next_attempt_at) WHERE {OutboxModel.RetryIndexFilter}",
        "DROP INDEX IF EXISTS ix_outbox_message_backoff",
        "CREATE INDEX IF NOT EXISTS ix_outbox_message_delivered ON outbox_message (delivered_at) WHERE delivered_at IS NOT NULL",
        """
        CREATE TABLE IF NOT EXISTS outbox_inbox_state (
            message_id TEXT NOT NULL, consumer TEXT NOT NULL, received_at INTEGER NOT NULL,
            PRIMARY KEY (message_id, consumer))
        """,
        "CREATE INDEX IF NOT EXISTS ix_outbox_inbox_state_received ON outbox_inbox_state (received_at)",
        """
        CREATE TABLE IF NOT EXISTS outbox_dead_letter (
            id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, original_sequence_number INTEGER NOT NULL,
            event_id TEXT NOT NULL, topic TEXT NOT NULL, record_key BLOB NULL, record_value BLOB NOT NULL,
            headers BLOB NOT NULL, ordering_key TEXT NOT NULL, bucket INTEGER NOT NULL, created_at INTEGER NOT NULL,
            parked_at INTEGER NOT NULL, attempts INTEGER NOT NULL, error TEXT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS outbox_lease (bucket INTEGER NOT NULL PRIMARY KEY, owner TEXT NULL, expires_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS outbox_instance (owner TEXT NOT NULL PRIMARY KEY, heartbeat_at INTEGER NOT NULL)",
    ];

    public override IQueryable<OutboxMessage> VisibleMessages(DbContext context) => context.Set<OutboxMessage>();

    public override IReadOnlyList<IInterceptor> Interceptors { get; }

    public override Task MaintainAsync(IServiceProvider services, CancellationToken stoppingToken) =>
        ActivatorUtilities.CreateInstance<SqliteCheckpoints>(services, _gate).RunAsync(stoppingToken);
}
