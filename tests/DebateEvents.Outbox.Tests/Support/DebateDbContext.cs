using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox.Tests.Support;

public sealed class DebateDbContext(DbContextOptions<DebateDbContext> options) : DbContext(options)
{
    public DbSet<DebateRow> Debates => Set<DebateRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DebateRow>().ToTable("debate").HasKey(d => d.Id);
        modelBuilder.AddOutboxEntities();
    }
}
