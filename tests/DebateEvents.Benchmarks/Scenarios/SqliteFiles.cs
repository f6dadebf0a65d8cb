using Microsoft.Data.Sqlite;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>Removes a benchmark's SQLite database with its WAL files, after closing the pooled connections that hold them.</summary>
internal static class SqliteFiles
{
    public static void Delete(string databaseFile)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databaseFile + suffix);
        }
    }
}
