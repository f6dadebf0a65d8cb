using Microsoft.Data.Sqlite;

namespace DebateEvents.Host.Tests.Embedded;

/// <summary>
/// Reads the host's SQLite file directly (WAL lets a reader in beside the running host): which events each
/// processor's inbox recorded, and which decisions and webhook deliveries the processors stored.
/// </summary>
internal sealed class HostDatabase(string path)
{
    public const string DebateProcessor = "DebateEvents.Host.Processors.DebateEventProcessor";
    public const string DecisionProcessor = "DebateEvents.Host.Processors.DecisionEventProcessor";
    public const string WebhookProcessor = "DebateEvents.Host.Processors.WebhookEventProcessor";

    /// <summary>Inbox entries per (event id, consumer), with the time each was first handled.</summary>
    public List<(Guid EventId, string Consumer, long ReceivedAt)> Inbox() =>
        Read("SELECT message_id, consumer, received_at FROM outbox_inbox_state",
            r => (Guid.Parse(r.GetString(0)), r.GetString(1), r.GetInt64(2)));

    public HashSet<Guid> Decisions() => [.. Read("SELECT Id FROM Decisions", r => Guid.Parse(r.GetString(0)))];

    /// <summary>Notification ids (the decision ids) the webhook processor recorded as delivered.</summary>
    public List<Guid> WebhookDeliveries() => Read("SELECT NotificationId FROM WebhookDeliveries", r => Guid.Parse(r.GetString(0)));

    private List<T> Read<T>(string sql, Func<SqliteDataReader, T> map)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
