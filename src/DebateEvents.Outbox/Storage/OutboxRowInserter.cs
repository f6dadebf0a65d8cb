using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using DebateEvents.Outbox.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Inserts outbox rows on the DbContext's own connection and transaction. EF's per-entity insert path
/// costs several times more per row, and an outbox row never needs change tracking after it is written.
/// Server databases get multi-row INSERTs (fewer round trips); SQLite, in process, gets one prepared
/// single-row INSERT executed per row (no round trips to save, and no statement to parse again).
/// </summary>
internal sealed class OutboxRowInserter(IOptions<DebateEventsOutboxOptions> options)
{
    // SQLite resolves each named parameter with a linear scan of the statement's parameters, so the
    // cost of one statement grows with the square of its parameter count: keep statements small.
    private const int RowsPerStatement = 10;
    private const int ColumnCount = 12;
    private const string Columns =
        "event_id, topic, record_key, record_value, headers, ordering_key, bucket, created_at, attempts, next_attempt_at, last_error, delivered_at";

    private readonly OutboxDialect _dialect = options.Value.Dialect!;
    private readonly ConcurrentDictionary<int, string> _statements = new();

    public async Task InsertAsync(DbContext context, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        if (_dialect.IsInProcess)
        {
            // In-process SQLite completes synchronously anyway; the async API would only add overhead.
            Insert(context, rows);
            return;
        }

        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            await using var command = CreateCommand(context, rows, start, Math.Min(RowsPerStatement, rows.Count - start));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public void Insert(DbContext context, IReadOnlyList<OutboxMessage> rows)
    {
        if (_dialect.IsInProcess)
        {
            InsertOneByOne(context, rows);
            return;
        }

        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            using var command = CreateCommand(context, rows, start, Math.Min(RowsPerStatement, rows.Count - start));
            command.ExecuteNonQuery();
        }
    }

    private void InsertOneByOne(DbContext context, IReadOnlyList<OutboxMessage> rows)
    {
        using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = _statements.GetOrAdd(1, BuildStatement);
        for (var column = 0; column < ColumnCount; column++)
        {
            Add(command, null);
        }

        foreach (var row in rows)
        {
            SetValues(command.Parameters, 0, row);
            command.ExecuteNonQuery();
        }
    }

    private DbCommand CreateCommand(DbContext context, IReadOnlyList<OutboxMessage> rows, int start, int count)
    {
        var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = _statements.GetOrAdd(count, BuildStatement);
        for (var i = 0; i < count * ColumnCount; i++)
        {
            Add(command, null);
        }

        for (var i = 0; i < count; i++)
        {
            SetValues(command.Parameters, i * ColumnCount, rows[start + i]);
        }

        return command;
    }

    private void SetValues(DbParameterCollection parameters, int first, OutboxMessage row)
    {
        object?[] values =
        [
            _dialect.EventIdValue(row.EventId), row.Topic, row.Key, row.Value, row.Headers, row.OrderingKey, row.Bucket,
            row.CreatedAt, row.Attempts, row.NextAttemptAt, row.LastError, row.DeliveredAt,
        ];
        for (var column = 0; column < ColumnCount; column++)
        {
            parameters[first + column].Value = values[column] ?? DBNull.Value;
        }
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
            for (var column = 0; column < ColumnCount; column++)
            {
                text.Append(column == 0 ? "@p" : ", @p").Append((i * ColumnCount) + column);
            }

            text.Append(')');
        }

        return text.ToString();
    }
}
