using DebateEvents.Testing.Drills;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>
/// What every drill runs on: the standalone broker as a child process (with the host's topics made beforehand, so
/// no host waits for a topic to appear) and a fresh database of the host's (a SQLite file, or a PostgreSQL database
/// of its own on the server <c>DEBATEEVENTS_POSTGRES</c> names); hosts are started against both.
/// </summary>
internal sealed class DrillEnvironment : IAsyncDisposable
{
    public const string Prefix = "zamaz-debate";
    public const int Partitions = 3;
    private static readonly string[] DomainTopics = ["debate-events", "decision-events", "evolution-events", "webhook-events", "metrics-events"];
    private readonly string? _sqlitePath;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private DrillEnvironment(BrokerProcess broker, string? sqlitePath, string? postgresAdmin, string? postgresDatabase)
    {
        Broker = broker;
        _sqlitePath = sqlitePath;
        _postgresAdmin = postgresAdmin;
        _postgresDatabase = postgresDatabase;
    }

    public BrokerProcess Broker { get; }

    public HostDatabase Database => _sqlitePath is not null
        ? HostDatabase.Sqlite(_sqlitePath)
        : HostDatabase.Postgres(DatabaseConnection());

    public static async Task<DrillEnvironment> StartAsync(bool postgres = false)
    {
        var broker = await BrokerProcess.StartAsync();
        foreach (var topic in DomainTopics.SelectMany(t => new[] { $"{Prefix}.{t}", $"{Prefix}.{t}.retry", $"{Prefix}.{t}.dead-letter" }))
        {
            await broker.CreateTopicAsync(topic, Partitions);
        }

        if (!postgres)
        {
            return new DrillEnvironment(broker, Path.Combine(Path.GetTempPath(), $"drill-{Guid.NewGuid():N}.db"), null, null);
        }

        var admin = Environment.GetEnvironmentVariable("DEBATEEVENTS_POSTGRES") is { Length: > 0 } server ? server
            : throw new InvalidOperationException("This drill needs PostgreSQL: export DEBATEEVENTS_POSTGRES=$(scripts/postgres.sh)");
        var name = $"drill_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new DrillEnvironment(broker, null, admin, name);
    }

    /// <summary>Starts a host against the broker and the database; <paramref name="settings"/> adds to the defaults.</summary>
    public Task<HostProcess> StartHostAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Debates"] = _sqlitePath is not null ? $"Data Source={_sqlitePath}" : DatabaseConnection(),
            ["Database:Provider"] = _sqlitePath is not null ? "sqlite" : "postgres",
            ["Kafka:Partitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return HostProcess.StartAsync(all, Broker.HostEnvironment);
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private string DatabaseConnection() => new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresDatabase }.ConnectionString;
}
