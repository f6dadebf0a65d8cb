using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using DebateEvents.Outbox.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Inserts outbox rows with multi-row INSERT statements on the DbContext's own connection and
/// transaction. EF's per-entity insert path costs several times more per row, and an outbox row
/// never needs change tracking after it is written.
/// </summary>
internal sealed class OutboxRowInserter(IOptions<DebateEventsOutboxOptions> options)
{
    // SQLite resolves each named parameter with a linear scan of the statement's parameters, so the
    // cost of one statement grows with the square of its parameter count: keep statements small.
    private const int RowsPerStatement = 10;
    private const string Columns =
        "event_id, topic, record_key, record_value, headers, ordering_key, bucket, created_at, attempts, next_attempt_at, last_error, delivered_at";

    private readonly OutboxDialect _dialect = options.Value.Dialect!;
    private readonly ConcurrentDictionary<int, string> _statements = new();

    public async Task InsertAsync(DbContext context, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            await using var command = CreateCommand(context, rows, start, Math.Min(RowsPerStatement, rows.Count - start));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public void Insert(DbContext context, IReadOnlyList<OutboxMessage> rows)
    {
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            using var command = CreateCommand(context, rows, start, Math.Min(RowsPerStatement, rows.Count - start));
            command.ExecuteNonQuery();
        }
    }

    private DbCommand CreateCommand(DbContext context, IReadOnlyList<OutboxMessage> rows, int start, int count)
    {
        var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = _statements.GetOrAdd(count, BuildStatement);
        for (var i = 0; i < count; i++)
        {
            var row = rows[start + i];
            Add(command, _dialect.EventIdValue(row.EventId));
            Add(command, row.Topic);
            Add(command, row.Key);
            Add(command, row.Value);
            Add(command, row.Headers);
            Add(command, row.OrderingKey);
            Add(command, row.Bucket);
            Add(command, row.CreatedAt);
            Add(command, row.Attempts);
            Add(command, row.NextAttemptAt);
            Add(command, row.LastError);
            Add(command, row.DeliveredAt);
        }

        return command;
    }

    private static void Add(DbCommand command, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = $"@p{command.Parameters.Count}";
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string BuildStatement(int count)
    {
        var text = new StringBuilder($"INSERT INTO {OutboxModel.MessageTable} ({Columns}) VALUES ");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "(" : ", (");
            for (var column = 0; column < 12; column++)
            {
                text.Append(column == 0 ? "@p" : ", @p").Append((i * 12) + column);
            }

            text.Append(')');
        }

        return text.ToString();
    }
}
