namespace DebateEvents.Outbox.Delivery;

/// <summary>A delay that ends early, without throwing, when its token is cancelled: loops check the token themselves.</summary>
internal static class QuietDelay
{
    public static async Task Wait(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the caller's loop condition ends it.
        }
    }
}
