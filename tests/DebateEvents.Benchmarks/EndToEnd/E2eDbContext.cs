using DebateEvents.Benchmarks.Scenarios;
using DebateEvents.Outbox;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>
/// The application's DbContext: the domain table the publishers write, the processor's read model, and the
/// outbox and inbox tables. <see cref="Committing"/> and <see cref="Processing"/> hold the events (their own id and
/// the MassTransit message id, which is the outbox's <c>ce_id</c>) whose transaction is under way, for
/// <see cref="E2eCommitClock"/> to stamp when it commits.
/// </summary>
internal sealed class E2eDbContext(DbContextOptions<E2eDbContext> options) : DbContext(options)
{
    public DbSet<BareEfBaseline.BareRow> Rows => Set<BareEfBaseline.BareRow>();

    public DbSet<E2eReadModelRow> ReadModel => Set<E2eReadModelRow>();

    public List<(Guid Id, Guid MessageId)> Committing { get; } = [];

    public List<(Guid Id, Guid MessageId)> Processing { get; } = [];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxEntities();
        modelBuilder.Entity<E2eReadModelRow>().HasKey(r => r.EventId);
    }
}
