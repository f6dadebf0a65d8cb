using DebateEvents.Outbox.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox.Tests.Support;

public sealed class SqliteTestDatabase : TestDatabase
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "debateevents-outbox-tests");

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, $"outbox-{Guid.NewGuid():N}.db");
    }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath};Pooling=True";

    public override void ConfigureContext(DbContextOptionsBuilder builder) => builder.UseSqlite(ConnectionString);

    public override void ConfigureOutbox(DebateEventsOutboxOptions options) => options.UseSqlite();

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(FilePath + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
