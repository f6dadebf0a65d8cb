using System.Text.Json;
using DebateEvents.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DebateEvents.Host.ReadModels;

/// <summary>
/// The host's database: the processors' read models, and the outbox and inbox tables. The host runs one of its
/// per-provider subclasses (<see cref="Database.SqliteDebateDbContext"/>, <see cref="Database.PostgresDebateDbContext"/>),
/// each with its own migrations, and hands it out as this type too.
/// </summary>
public class DebateDbContext : DbContext
{
    /// <summary>A context on options built for this type (tests, tools).</summary>
    public DebateDbContext(DbContextOptions<DebateDbContext> options)
        : base(options)
    {
    }

    /// <summary>A per-provider subclass's context, on options built for that subclass.</summary>
    protected DebateDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Read model of each debate.</summary>
    public DbSet<DebateView> Debates => Set<DebateView>();

    /// <summary>Decisions made.</summary>
    public DbSet<DecisionRecord> Decisions => Set<DecisionRecord>();

    /// <summary>Evolution history.</summary>
    public DbSet<EvolutionRecord> Evolutions => Set<EvolutionRecord>();

    /// <summary>Aggregates per metric name.</summary>
    public DbSet<MetricAggregate> Metrics => Set<MetricAggregate>();

    /// <summary>Webhook notifications delivered, per subscriber.</summary>
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DebateView>().HasKey(d => d.Id);
        modelBuilder.Entity<DebateView>().Property(d => d.ArgumentsPerParticipant).HasConversion(
            counts => JsonSerializer.Serialize(counts, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<Dictionary<string, int>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, int>(),
            new ValueComparer<Dictionary<string, int>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), c => c.Count, c => new Dictionary<string, int>(c)));
        modelBuilder.Entity<DecisionRecord>().HasKey(d => d.Id);
        modelBuilder.Entity<DecisionRecord>().Property(d => d.Confidence).HasPrecision(5, 4);
        modelBuilder.Entity<EvolutionRecord>().HasKey(e => e.Id);
        modelBuilder.Entity<MetricAggregate>().HasKey(m => m.Name);
        modelBuilder.Entity<WebhookDelivery>().HasKey(w => new { w.NotificationId, w.Url });
        modelBuilder.AddOutboxEntities();
    }
}
