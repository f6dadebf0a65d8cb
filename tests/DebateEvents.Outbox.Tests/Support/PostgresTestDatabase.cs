using System.Diagnostics;
using DebateEvents.Outbox.Configuration;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DebateEvents.Outbox.Tests.Support;

/// <summary>
/// A fresh database on the PostgreSQL server named by <c>DEBATEEVENTS_POSTGRES</c>, or on the one
/// <c>scripts/postgres.sh</c> starts when the variable is unset. No server means a failed test, not a skipped one.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private static readonly Lazy<string> Server = new(FindServer, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresTestDatabase(string connectionString, string name)
    {
        ConnectionString = connectionString;
        Name = name;
    }

    public string ConnectionString { get; }

    public string Name { get; }

    public static PostgresTestDatabase Create()
    {
        var name = $"outbox_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(Server.Value) { Database = name, MaxPoolSize = 50 };
        return new PostgresTestDatabase(builder.ConnectionString, name);
    }

    public override void ConfigureContext(DbContextOptionsBuilder builder) => builder.UseNpgsql(ConnectionString);

    public override void ConfigureOutbox(DebateEventsOutboxOptions options) => options.UsePostgres();

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server.Value);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindServer()
    {
        var configured = Environment.GetEnvironmentVariable("DEBATEEVENTS_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot(), "scripts", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var connection = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(connection))
        {
            throw new InvalidOperationException(
                $"PostgreSQL is unavailable: set DEBATEEVENTS_POSTGRES or make {script} work ({process.StandardError.ReadToEnd()}).");
        }

        return connection;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DebateEvents.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DebateEvents.sln not found above the test binaries.");
    }
}
