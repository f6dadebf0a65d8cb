using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Which hash buckets of ordering keys this dispatcher instance may send, when several instances share the
/// database: each row then has one sender at a time and a key's rows stay in order.
/// </summary>
internal interface IBucketLeases
{
    /// <summary>The buckets this instance may send, as of the last refresh.</summary>
    IReadOnlyCollection<int> Owned { get; }

    /// <summary>Whether the leases were renewed recently enough that no other instance can have taken them.</summary>
    bool AreValid { get; }

    /// <summary>Renews this instance's leases and heartbeat, then sheds or claims buckets toward an even share.</summary>
    Task RefreshAsync(DbContext db, CancellationToken cancellationToken);

    /// <summary>Renews the expiry of the leases already held; runs while a batch is in flight.</summary>
    Task RenewAsync(DbContext db, CancellationToken cancellationToken);

    /// <summary>Gives every bucket back at a graceful stop so another instance takes over at once.</summary>
    Task ReleaseAsync(DbContext db, CancellationToken cancellationToken);
}
