using DebateEvents.Outbox.Storage;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Outbox.Inbox;

/// <summary>
/// Runs a consumer at most once per event id: in one database transaction it checks and records
/// (<c>ce_id</c>, consumer), runs the consumer, and saves the consumer's changes and the events it
/// published. A duplicate is acknowledged without running the consumer.
/// </summary>
internal sealed class InboxFilter<TConsumer> : IFilter<ConsumerConsumeContext<TConsumer>>
    where TConsumer : class
{
    private static readonly string ConsumerName = typeof(TConsumer).FullName ?? typeof(TConsumer).Name;

    public async Task Send(ConsumerConsumeContext<TConsumer> context, IPipe<ConsumerConsumeContext<TConsumer>> next)
    {
        var services = context.GetPayload<IServiceProvider>();
        if (context.MessageId is not { } messageId)
        {
            Logger(services).LogWarning("Message without a MessageId reached {Consumer}; running it without the inbox", ConsumerName);
            await next.Send(context).ConfigureAwait(false);
            return;
        }

        var db = services.GetRequiredService<OutboxContextFactory>().Resolve(services);
        var clock = services.GetRequiredService<TimeProvider>();
        var cancellationToken = context.CancellationToken;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        try
        {
            if (await InboxLookup.AlreadyHandledAsync(db, messageId, ConsumerName, cancellationToken).ConfigureAwait(false))
            {
                Logger(services).LogInformation("Event {EventId} was already handled by {Consumer}; acknowledging the duplicate", messageId, ConsumerName);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            db.Set<InboxState>().Add(new InboxState
            {
                MessageId = messageId,
                Consumer = ConsumerName,
                ReceivedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            });
            await next.Send(context).ConfigureAwait(false);
            await SaveWithoutSavepointAsync(db, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (transaction.GetDbTransaction().Connection is not null)
        {
            // Still open (the failure came before or during commit): undo the consumer's changes and the inbox entry.
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static ILogger Logger(IServiceProvider services) => services.GetRequiredService<ILogger<InboxFilter<TConsumer>>>();

    /// <summary>
    /// Saves the consumer's changes and the inbox entry without the savepoint EF Core wraps a SaveChanges in inside a
    /// transaction (two more statements per event): should this save fail, the whole transaction is rolled back anyway.
    /// The consumer's own SaveChanges calls, which it may catch and carry on from, keep their savepoints.
    /// </summary>
    private static async Task SaveWithoutSavepointAsync(DbContext db, CancellationToken cancellationToken)
    {
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("debateEventsInbox").Add("consumer", ConsumerName);
}
