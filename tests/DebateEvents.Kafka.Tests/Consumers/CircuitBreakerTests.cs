using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Consumers;
using DebateEvents.Kafka.Producers;

namespace DebateEvents.Kafka.Tests.Consumers;

public sealed class CircuitBreakerTests
{
    [Fact]
    public void EndpointBreaker_TripsWhenTheFaultedShareReachesTheThreshold_AndClosesAfterTheRestartTimeout()
    {
        var time = new ManualTime();
        var breaker = new EndpointCircuitBreaker(new EndpointCircuitBreakerOptions { ActivityThreshold = 10, TripThreshold = 0.5, RestartTimeout = TimeSpan.FromSeconds(30) }, time);
        for (var i = 0; i < 5; i++)
        {
            Assert.False(breaker.Record(faulted: false));
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.False(breaker.Record(faulted: true));
        }

        Assert.True(breaker.Record(faulted: true));
        Assert.True(breaker.IsOpen);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.False(breaker.IsOpen);
        Assert.Equal(1, breaker.Trips);
    }

    [Fact]
    public void ProducerBreaker_OpensAfterConsecutiveFailures_RejectsCalls_AndLetsATrialThroughAfterTheBreak()
    {
        var time = new ManualTime();
        var breaker = new ProducerCircuitBreaker(3, TimeSpan.FromSeconds(10), time);
        Assert.False(breaker.RecordFailure(new InvalidOperationException("1")));
        breaker.RecordSuccess();
        Assert.False(breaker.RecordFailure(new InvalidOperationException("1")));
        Assert.False(breaker.RecordFailure(new InvalidOperationException("2")));
        Assert.True(breaker.RecordFailure(new InvalidOperationException("3")));

        var rejected = Assert.Throws<ProducerCircuitOpenException>(() => breaker.ThrowIfOpen("debates"));
        Assert.Equal("debates", rejected.Topic);
        time.Advance(TimeSpan.FromSeconds(11));
        breaker.ThrowIfOpen("debates");
        Assert.True(breaker.RecordFailure(new InvalidOperationException("trial")));
        Assert.True(breaker.IsOpen);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
