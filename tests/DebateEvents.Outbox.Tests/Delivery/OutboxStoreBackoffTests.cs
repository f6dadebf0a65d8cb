using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Delivery;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Tests.Delivery;

public sealed class OutboxStoreBackoffTests
{
    [Fact]
    public void Backoff_DoublesFromTheRetryDelayAndStopsAtTheMaximum()
    {
        var options = new DebateEventsOutboxOptions { RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1) }.UseSqlite();
        var store = new OutboxStore(Options.Create(options));

        var delays = Enumerable.Range(1, 6).Select(a => store.Backoff(a).TotalMilliseconds).ToArray();

        Assert.Equal([100, 200, 400, 800, 1000, 1000], delays);
        Assert.Equal(1000, store.Backoff(500).TotalMilliseconds);
    }
}
