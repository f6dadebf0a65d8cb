using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Outbox.PostgreSql;

/// <summary>
/// Divides the hash buckets of ordering keys among live dispatcher instances sharing a PostgreSQL
/// database. An instance sends only rows of buckets it leases, so each row has one sender at a time
/// and a key's rows stay in order; a dead instance's leases expire and others take them over.
/// </summary>
internal sealed class BucketLeases(DebateEventsOutboxOptions options, TimeProvider clock, ILogger<BucketLeases> logger) : IBucketLeases
{
    private readonly DebateEventsOutboxOptions _options = options;
    private long _validUntil;
    private int[] _owned = [];
    private bool _seeded;

    public string InstanceId => _options.InstanceId;

    /// <summary>The buckets this instance may send, as of the last refresh.</summary>
    public IReadOnlyCollection<int> Owned => _owned;

    /// <summary>
    /// Whether the leases are still safely held: they were renewed recently enough that no other
    /// instance can have taken them, with a margin of a third of the lease.
    /// </summary>
    public bool AreValid => Now() < Interlocked.Read(ref _validUntil) - (long)(_options.LeaseDuration.TotalMilliseconds / 3);

    /// <summary>Adds a free lease row for each of <paramref name="buckets"/> buckets that has none yet.</summary>
    public static async Task SeedAsync(DbContext db, int buckets, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO outbox_lease (bucket, owner, expires_at) SELECT g, NULL, 0 FROM generate_series(0, {0} - 1) AS g ON CONFLICT (bucket) DO NOTHING",
            [buckets], cancellationToken).ConfigureAwait(false);

    /// <summary>Renews this instance's leases and heartbeat, then sheds or claims buckets toward an even share.</summary>
    public async Task RefreshAsync(DbContext db, CancellationToken cancellationToken)
    {
        var now = Now();
        var expires = now + (long)_options.LeaseDuration.TotalMilliseconds;
        var me = _options.InstanceId;
        var sql = db.Database;
        if (!_seeded)
        {
            // Here rather than at start: the tables may come from the application's own migrations, applied after the outbox registered.
            await SeedAsync(db, _options.Buckets, cancellationToken).ConfigureAwait(false);
            _seeded = true;
        }

        await sql.ExecuteSqlRawAsync(
            "INSERT INTO outbox_instance (owner, heartbeat_at) VALUES ({0}, {1}) ON CONFLICT (owner) DO UPDATE SET heartbeat_at = excluded.heartbeat_at",
            [me, now], cancellationToken).ConfigureAwait(false);
        await sql.ExecuteSqlRawAsync("UPDATE outbox_lease SET expires_at = {0} WHERE owner = {1}", [expires, me], cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _validUntil, expires);

        var live = await sql.SqlQueryRaw<int>(
            "SELECT COUNT(*)::int AS \"Value\" FROM outbox_instance WHERE heartbeat_at > {0}",
            now - (long)_options.LeaseDuration.TotalMilliseconds).SingleAsync(cancellationToken).ConfigureAwait(false);
        var target = (_options.Buckets + Math.Max(live, 1) - 1) / Math.Max(live, 1);
        var owned = await OwnedAsync(db, cancellationToken).ConfigureAwait(false);
        if (owned.Length > target)
        {
            var extra = owned[target..];
            await sql.ExecuteSqlRawAsync(
                "UPDATE outbox_lease SET owner = NULL, expires_at = 0 WHERE owner = {0} AND bucket = ANY({1})", [me, extra], cancellationToken).ConfigureAwait(false);
        }
        else if (owned.Length < target)
        {
            await sql.ExecuteSqlRawAsync(
                """
                UPDATE outbox_lease SET owner = {0}, expires_at = {1}
                WHERE bucket IN (SELECT bucket FROM outbox_lease WHERE expires_at < {2} ORDER BY bucket LIMIT {3} FOR UPDATE SKIP LOCKED)
                """,
                [me, expires, now, target - owned.Length], cancellationToken).ConfigureAwait(false);
        }

        var before = _owned.Length;
        _owned = await OwnedAsync(db, cancellationToken).ConfigureAwait(false);
        if (before != _owned.Length)
        {
            logger.LogInformation("Outbox instance {InstanceId} now leases {Count} of {Buckets} buckets ({Live} live instances)",
                me, _owned.Length, _options.Buckets, live);
        }
    }

    /// <summary>Renews the expiry of the leases already held; runs while a batch is in flight.</summary>
    public async Task RenewAsync(DbContext db, CancellationToken cancellationToken)
    {
        var now = Now();
        var expires = now + (long)_options.LeaseDuration.TotalMilliseconds;
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE outbox_instance SET heartbeat_at = {0} WHERE owner = {1}", [now, _options.InstanceId], cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE outbox_lease SET expires_at = {0} WHERE owner = {1}", [expires, _options.InstanceId], cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _validUntil, expires);
    }

    /// <summary>Gives every bucket back at a graceful stop so another instance takes over at once.</summary>
    public async Task ReleaseAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE outbox_lease SET owner = NULL, expires_at = 0 WHERE owner = {0}", [_options.InstanceId], cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM outbox_instance WHERE owner = {0}", [_options.InstanceId], cancellationToken).ConfigureAwait(false);
        _owned = [];
        Interlocked.Exchange(ref _validUntil, 0);
    }

    private async Task<int[]> OwnedAsync(DbContext db, CancellationToken cancellationToken) =>
        [.. await db.Database.SqlQueryRaw<int>(
            "SELECT bucket AS \"Value\" FROM outbox_lease WHERE owner = {0} AND expires_at > {1} ORDER BY bucket",
            _options.InstanceId, Now()).ToListAsync(cancellationToken).ConfigureAwait(false)];

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
