using DebateEvents.Outbox.Configuration;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox.Tests.Support;

/// <summary>A database of its own for one test: a SQLite file under the temp folder or a fresh PostgreSQL database.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract void ConfigureContext(DbContextOptionsBuilder builder);

    public abstract void ConfigureOutbox(DebateEventsOutboxOptions options);

    public abstract ValueTask DisposeAsync();
}
