using System.Diagnostics;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Delivery;

/// <summary>
/// Forwards committed outbox rows to Kafka: wakes on the in-process commit signal or the poll
/// interval, sends a batch in sequence order, and marks rows delivered only after the broker's
/// acknowledgement. A crash between produce and mark re-sends those rows on restart (at least once).
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceProvider services,
    IServiceScopeFactory scopes,
    OutboxContextFactory contexts,
    OutboxStore store,
    DeliveryOutcomes outcomes,
    IOutboxTransport transport,
    OutboxSignal signal,
    IEnumerable<IOutboxDeliveryObserver> observers,
    IOptions<DebateEventsOutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly DebateEventsOutboxOptions _options = options.Value;
    private readonly IOutboxDeliveryObserver[] _observers = observers.ToArray();
    private readonly CancellationTokenSource _crash = new();
    private readonly DeferredMarks _deferred = new();
    private bool _marksQueue;
    private long _nextLeaseRefreshAt;

    /// <summary>This instance's bucket leases when several instances share the database; null when it is the only one.</summary>
    internal IBucketLeases? Leases { get; } = options.Value.Dialect!.CreateLeases(services);

    /// <summary>Stops the dispatcher the way a killed process would: no lease release, nothing marked after this.</summary>
    internal void SimulateCrash() => _crash.Cancel();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.EnableDispatcher)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _crash.Token);
        var cancellationToken = linked.Token;
        using var renewal = Leases is not null ? new LeaseRenewal(RenewLeasesAsync, _options.LeaseDuration / 3, cancellationToken) : null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var scope = scopes.CreateAsyncScope();
                await using var scopeDisposal = scope.ConfigureAwait(false);
                await RunRoundsAsync(contexts.Resolve(scope.ServiceProvider), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRoundFailed(ex);
                await QuietDelay.Wait(_options.RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!_crash.IsCancellationRequested)
        {
            await FlushMarksOnStopAsync().ConfigureAwait(false);
        }

        if (Leases is { } leases && !_crash.IsCancellationRequested)
        {
            await ReleaseLeasesAsync(leases).ConfigureAwait(false);
        }
    }

    private async Task RunRoundsAsync(DbContext db, CancellationToken cancellationToken)
    {
        // One DbContext serves many rounds: reads are untracked and writes are set-based.
        for (var round = 0; round < 1000 && !cancellationToken.IsCancellationRequested; round++)
        {
            await outcomes.RefreshBacklogIfDueAsync(db, cancellationToken).ConfigureAwait(false);
            if (Leases is { } leases && Now() >= _nextLeaseRefreshAt)
            {
                // Claiming and shedding buckets needs no more than a few passes per lease; renewal runs on its own timer.
                _nextLeaseRefreshAt = Now() + (long)(_options.LeaseDuration.TotalMilliseconds / 6);
                await leases.RefreshAsync(db, cancellationToken).ConfigureAwait(false);
            }

            var sent = Leases is { } owner && (owner.Owned.Count == 0 || !owner.AreValid)
                ? 0
                : await DeliverBatchAsync(db, Leases?.Owned, cancellationToken).ConfigureAwait(false);
            if (sent == 0)
            {
                await signal.WaitAsync(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
            else if (sent < _options.BatchSize && _options.BatchLinger > TimeSpan.Zero)
            {
                // Under a steady trickle of commits, let rows gather instead of paying a round trip per row.
                await Task.Delay(_options.BatchLinger, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one batch and records its outcome; returns how many rows were loaded.</summary>
    private async Task<int> DeliverBatchAsync(DbContext db, IReadOnlyCollection<int>? buckets, CancellationToken cancellationToken)
    {
        var rows = await store.LoadBatchAsync(db, buckets, Now(), _deferred.SequenceNumbers, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            // Nothing new came in while the last batches went out: mark them now rather than wait for more.
            await FlushMarksAsync(db, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        foreach (var observer in _observers)
        {
            observer.Sending(_options.InstanceId, rows);
        }

        var results = await transport.SendAsync(rows, cancellationToken).ConfigureAwait(false);
        _crash.Token.ThrowIfCancellationRequested();

        // Deferred only while the last mark had to queue for the database's writer (publishers are busy), so at low
        // rates every batch is marked at once as before; and only by the only instance, since another one could take
        // over a bucket and send its rows again before the mark.
        if (Leases is null && _marksQueue && Array.TrueForAll(results, r => r.Succeeded))
        {
            _deferred.Add(rows, results);
            if (_deferred.IsDue(Math.Min(_options.BatchSize, DeferredMarks.MaxRows)))
            {
                await FlushMarksAsync(db, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await FlushMarksAsync(db, cancellationToken).ConfigureAwait(false);
            await RecordAsync(db, rows, results, cancellationToken).ConfigureAwait(false);
        }

        return rows.Count;
    }

    private async Task RecordAsync(DbContext db, List<OutboxMessage> rows, OutboxDelivery[] results, CancellationToken cancellationToken)
    {
        await TimedRecordAsync(db, rows, results, cancellationToken).ConfigureAwait(false);
        foreach (var observer in _observers)
        {
            observer.Completed(_options.InstanceId, rows, results);
        }
    }

    /// <summary>Records the outcomes and notes whether that write queued behind other writers.</summary>
    private async Task TimedRecordAsync(DbContext db, List<OutboxMessage> rows, OutboxDelivery[] results, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await outcomes.RecordAsync(db, rows, results, cancellationToken).ConfigureAwait(false);
        _marksQueue = Stopwatch.GetElapsedTime(started) >= DeferredMarks.BusyWriter;
    }

    /// <summary>Marks every acknowledged batch still waiting for its mark in one transaction.</summary>
    private async Task FlushMarksAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (_deferred.Count == 0)
        {
            return;
        }

        var (rows, results) = _deferred.All();
        await TimedRecordAsync(db, rows, results, cancellationToken).ConfigureAwait(false);
        foreach (var (batchRows, batchResults) in _deferred.Batches())
        {
            foreach (var observer in _observers)
            {
                observer.Completed(_options.InstanceId, batchRows, batchResults);
            }
        }

        _deferred.Clear();
    }

    /// <summary>On a graceful stop, writes the marks still waiting, so a restart does not send those rows again.</summary>
    private async Task FlushMarksOnStopAsync()
    {
        if (_deferred.Count == 0)
        {
            return;
        }

        try
        {
            var scope = scopes.CreateAsyncScope();
            await using var scopeDisposal = scope.ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await FlushMarksAsync(contexts.Resolve(scope.ServiceProvider), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogFlushFailed(ex, _deferred.Count);
        }
    }

    private async Task RenewLeasesAsync(CancellationToken cancellationToken)
    {
        if (Leases is not { Owned.Count: > 0 } leases)
        {
            return;
        }

        try
        {
            var scope = scopes.CreateAsyncScope();
            await using var scopeDisposal = scope.ConfigureAwait(false);
            await leases.RenewAsync(contexts.Resolve(scope.ServiceProvider), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogRenewFailed(ex, _options.InstanceId);
        }
    }

    private async Task ReleaseLeasesAsync(IBucketLeases leases)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using var scopeDisposal = scope.ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(contexts.Resolve(scope.ServiceProvider), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogReleaseFailed(ex);
        }
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public override void Dispose()
    {
        _crash.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatcher round failed; retrying")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the outbox bucket leases of {InstanceId} failed")]
    private partial void LogRenewFailed(Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Count} acknowledged outbox rows delivered at stop; they are sent again after a restart")]
    private partial void LogFlushFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the outbox bucket leases; they expire on their own")]
    private partial void LogReleaseFailed(Exception exception);
}
