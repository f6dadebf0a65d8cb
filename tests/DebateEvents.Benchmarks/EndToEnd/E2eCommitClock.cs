using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>
/// Stamps the moment a transaction commits: a publisher's unit of work (the event is committed) and a processor's
/// inbox transaction (the event is processed), so latency runs from commit to processed commit.
/// </summary>
internal sealed class E2eCommitClock(E2eLatencyLog log, E2eStageLog stages) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Stamp(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private void Stamp(object? context)
    {
        if (context is not E2eDbContext db)
        {
            return;
        }

        foreach (var (id, messageId) in db.Committing)
        {
            log.Committed(id);
            stages.Stamp(messageId, E2eStageLog.Stage.Committed);
        }

        foreach (var (id, messageId) in db.Processing)
        {
            log.Processed(id);
            stages.Stamp(messageId, E2eStageLog.Stage.Processed);
        }

        Forget(db);
    }

    private static void Forget(object? context)
    {
        if (context is E2eDbContext db)
        {
            db.Committing.Clear();
            db.Processing.Clear();
        }
    }
}
