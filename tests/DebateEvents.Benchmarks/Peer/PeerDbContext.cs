using DebateEvents.Benchmarks.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Benchmarks.Peer;

/// <summary>The peer's application DbContext: the same domain table as the bare EF baseline.</summary>
internal sealed class PeerDbContext(DbContextOptions<PeerDbContext> options) : DbContext(options)
{
    public DbSet<BareEfBaseline.BareRow> Rows => Set<BareEfBaseline.BareRow>();
}
