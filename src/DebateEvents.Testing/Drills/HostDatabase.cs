using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DebateEvents.Testing.Drills;

/// <summary>
/// Reads the host's database directly, beside the running host (SQLite in WAL mode, or PostgreSQL): which events
/// each processor's inbox recorded, and which decisions and webhook deliveries the processors stored.
/// </summary>
public sealed class HostDatabase
{
    /// <summary>The inbox's consumer name of the debate processor.</summary>
    public const string DebateProcessor = "DebateEvents.Host.Processors.DebateEventProcessor";

    /// <summary>The inbox's consumer name of the decision processor.</summary>
    public const string DecisionProcessor = "DebateEvents.Host.Processors.DecisionEventProcessor";

    /// <summary>The inbox's consumer name of the webhook processor.</summary>
    public const string WebhookProcessor = "DebateEvents.Host.Processors.WebhookEventProcessor";

    private readonly Func<DbConnection> _connect;

    private HostDatabase(Func<DbConnection> connect) => _connect = connect;

    /// <summary>The host's SQLite file, opened read-only.</summary>
    public static HostDatabase Sqlite(string path) =>
        new(() => new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"));

    /// <summary>The host's PostgreSQL database.</summary>
    public static HostDatabase Postgres(string connectionString) => new(() => new NpgsqlConnection(connectionString));

    /// <summary>Inbox entries per (event id, consumer), with the time each was first handled.</summary>
    public List<InboxEntry> Inbox() =>
        Read("SELECT message_id, consumer, received_at FROM outbox_inbox_state",
            r => new InboxEntry(ReadGuid(r, 0), r.GetString(1), r.GetInt64(2)));

    /// <summary>The ids of the decisions the decision processor stored.</summary>
    public HashSet<Guid> Decisions() => [.. Read("SELECT \"Id\" FROM \"Decisions\"", r => ReadGuid(r, 0))];

    /// <summary>Notification ids (the decision ids) the webhook processor recorded as delivered.</summary>
    public List<Guid> WebhookDeliveries() => Read("SELECT \"NotificationId\" FROM \"WebhookDeliveries\"", r => ReadGuid(r, 0));

    /// <summary>Each debate's argument count in the read model, by debate id.</summary>
    public Dictionary<Guid, int> ArgumentCounts() =>
        Read("SELECT \"Id\", \"ArgumentCount\" FROM \"Debates\"", r => (Id: ReadGuid(r, 0), Count: r.GetInt32(1))).ToDictionary(d => d.Id, d => d.Count);

    private static Guid ReadGuid(DbDataReader reader, int column) =>
        reader.GetValue(column) is Guid id ? id : Guid.Parse(reader.GetString(column));

    private List<T> Read<T>(string sql, Func<DbDataReader, T> map)
    {
        using var connection = _connect();
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
