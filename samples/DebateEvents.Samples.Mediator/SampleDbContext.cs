using DebateEvents.Outbox;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Samples.Mediator;

/// <summary>The application's own database, with the outbox and inbox tables added by one call.</summary>
public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    public DbSet<Debate> Debates => Set<Debate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxEntities();
}
