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
            var command = CreateCommand(context, rows, start, Math.Min(RowsPerStatement, rows.Count - start));
            await using var commandDisposal = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
        using var command = CreateCommand(context, rowCount: 1);
        foreach (var row in rows)
        {
            SetValues(command.Parameters, 0, row);
            command.ExecuteNonQuery();
        }
    }

    private DbCommand CreateCommand(DbContext context, IReadOnlyList<OutboxMessage> rows, int start, int count)
    {
        var command = CreateCommand(context, count);
        for (var i = 0; i < count; i++)
        {
            SetValues(command.Parameters, i * ColumnCount, rows[start + i]);
        }

        return command;
    }

    /// <summary>An INSERT of <paramref name="rowCount"/> rows on the context's connection and transaction, its parameters not yet set.</summary>
    private DbCommand CreateCommand(DbContext context, int rowCount)
    {
        var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = _statements.GetOrAdd(rowCount, BuildStatement);
        for (var i = 0; i < rowCount * ColumnCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private void SetValues(DbParameterCollection parameters, int first, OutboxMessage row)
    {
        void Set(int column, object? value) => parameters[first + column].Value = value ?? DBNull.Value;

        Set(0, _dialect.EventIdValue(row.EventId));
        Set(1, row.Topic);
        Set(2, row.Key);
        Set(3, row.Value);
        Set(4, row.Headers);
        Set(5, row.OrderingKey);
        Set(6, row.Bucket);
        Set(7, row.CreatedAt);
        Set(8, row.Attempts);
        Set(9, row.NextAttemptAt);
        Set(10, row.LastError);
        Set(11, row.DeliveredAt);
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
