using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using DebateEvents.Outbox.Configuration;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Inserts outbox rows on the DbContext's own connection, in the transaction that saves its entities. EF's per-entity insert path
/// costs several times more per row, and an outbox row never needs change tracking after it is written.
/// Server databases get multi-row INSERTs (fewer round trips); SQLite, in process, gets one prepared
/// single-row INSERT executed per row (no round trips to save, and no statement to parse again).
/// Every row goes in pending (no attempts, no error, not delivered): those four columns are literals in the
/// statement, since each bound parameter costs a name lookup and a binder object per row.
/// </summary>
internal sealed class OutboxRowInserter(IOptions<DebateEventsOutboxOptions> options)
{
    // SQLite resolves each named parameter with a linear scan of the statement's parameters, so the
    // cost of one statement grows with the square of its parameter count: keep statements small.
    private const int RowsPerStatement = 10;
    private const int ParametersPerRow = 8;
    private const string Columns =
        "event_id, topic, record_key, record_value, headers, ordering_key, bucket, created_at, attempts, next_attempt_at, last_error, delivered_at";
    private const string PendingValues = ", 0, 0, NULL, NULL)";
    private static readonly string[] ParameterNames = Enumerable.Range(0, RowsPerStatement * ParametersPerRow).Select(i => $"@p{i}").ToArray();

    private readonly OutboxDialect _dialect = options.Value.Dialect!;
    private readonly ConcurrentDictionary<int, string> _statements = new();

    /// <summary>Inserts <paramref name="rows"/> on <paramref name="connection"/> inside <paramref name="transaction"/>.</summary>
    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        if (_dialect.IsInProcess)
        {
            // In-process SQLite completes synchronously anyway; the async API would only add overhead.
            Insert(connection, transaction, rows);
            return;
        }

        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var command = CreateCommand(connection, transaction, rows, start, Math.Min(RowsPerStatement, rows.Count - start));
            await using var commandDisposal = command.ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous <see cref="InsertAsync"/>.</summary>
    public void Insert(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxMessage> rows)
    {
        if (_dialect.IsInProcess)
        {
            InsertOneByOne(connection, transaction, rows);
            return;
        }

        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            using var command = CreateCommand(connection, transaction, rows, start, Math.Min(RowsPerStatement, rows.Count - start));
            command.ExecuteNonQuery();
        }
    }

    private void InsertOneByOne(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxMessage> rows)
    {
        using var command = CreateCommand(connection, transaction, rowCount: 1);
        foreach (var row in rows)
        {
            SetValues(command.Parameters, 0, row);
            command.ExecuteNonQuery();
        }
    }

    private DbCommand CreateCommand(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxMessage> rows, int start, int count)
    {
        var command = CreateCommand(connection, transaction, count);
        for (var i = 0; i < count; i++)
        {
            SetValues(command.Parameters, i * ParametersPerRow, rows[start + i]);
        }

        return command;
    }

    /// <summary>An INSERT of <paramref name="rowCount"/> rows on the connection and transaction, its parameters not yet set.</summary>
    private DbCommand CreateCommand(DbConnection connection, DbTransaction transaction, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _statements.GetOrAdd(rowCount, BuildStatement);
        for (var i = 0; i < rowCount * ParametersPerRow; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = ParameterNames[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private void SetValues(DbParameterCollection parameters, int first, OutboxMessage row)
    {
        if (row.Attempts != 0 || row.NextAttemptAt != 0 || row.LastError is not null || row.DeliveredAt is not null)
        {
            throw new InvalidOperationException($"Outbox row {row.EventId} is not new: only pending rows are inserted.");
        }

        void Set(int column, object? value) => parameters[first + column].Value = value ?? DBNull.Value;

        Set(0, _dialect.EventIdValue(row.EventId));
        Set(1, row.Topic);
        Set(2, row.Key);
        Set(3, row.Value);
        Set(4, row.Headers);
        Set(5, row.OrderingKey);
        Set(6, row.Bucket);
        Set(7, row.CreatedAt);
    }

    private static string BuildStatement(int count)
    {
        var text = new StringBuilder($"INSERT INTO {OutboxModel.MessageTable} ({Columns}) VALUES ");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "(" : ", (");
            for (var column = 0; column < ParametersPerRow; column++)
            {
                text.Append(column == 0 ? "@p" : ", @p").Append((i * ParametersPerRow) + column);
            }

            text.Append(PendingValues);
        }

        return text.ToString();
    }
}
