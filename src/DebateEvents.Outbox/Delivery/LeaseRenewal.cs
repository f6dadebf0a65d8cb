namespace DebateEvents.Outbox.Delivery;

/// <summary>
/// Keeps the bucket leases alive on its own timer, so a batch that waits long on the broker does
/// not lose its buckets to another instance while its records are still in flight.
/// </summary>
internal sealed class LeaseRenewal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    public LeaseRenewal(Func<CancellationToken, Task> renew, TimeSpan period, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = Task.Run(() => RunAsync(renew, period, _stop.Token), CancellationToken.None);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.ContinueWith(_ => _stop.Dispose(), TaskScheduler.Default);
    }

    private static async Task RunAsync(Func<CancellationToken, Task> renew, TimeSpan period, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await QuietDelay.Wait(period, cancellationToken).ConfigureAwait(false);
            if (!cancellationToken.IsCancellationRequested)
            {
                await renew(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
