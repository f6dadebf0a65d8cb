using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace DebateEvents.Host.Tests;

/// <summary>The real host on its embedded defaults, with a SQLite file and topic prefix of its own.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.db");

    /// <summary>The SQLite file this host keeps its read models, outbox and inbox in.</summary>
    public string DatabasePath => _databasePath;

    /// <summary>Extra settings, applied after the test defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Debates", $"Data Source={_databasePath}");
        // Tests publish their own events; a simulator would add debates they did not ask for.
        if (!Settings.ContainsKey("DEBATE_SIMULATOR_RATE"))
        {
            builder.UseSetting("DEBATE_SIMULATOR_RATE", "0");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
