using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Consumers;

namespace DebateEvents.Kafka.Tests.Consumers;

public sealed class RestartBackoffTests
{
    private static readonly EndpointRestartOptions Options = new()
    {
        FirstDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        UnhealthyRestarts = 3,
        UnhealthyWindow = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public void Backoff_DoublesPerConsecutiveFault_UpToTheCap_ShortenedByAtMostAFifth()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), EndpointSupervisor.Backoff(1, Options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(8), EndpointSupervisor.Backoff(4, Options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(30), EndpointSupervisor.Backoff(6, Options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(30), EndpointSupervisor.Backoff(1_000, Options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(3.2), EndpointSupervisor.Backoff(3, Options, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(24), EndpointSupervisor.Backoff(9, Options, random: 1));
    }

    [Fact]
    public void History_IsTooManyOnlyWhileTheLimitOfRestartsFallsWithinTheWindow()
    {
        var history = new RestartHistory(Options);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        history.Restarted(start);
        history.Restarted(start.AddMinutes(1));
        Assert.False(history.TooMany(start.AddMinutes(1)));

        history.Restarted(start.AddMinutes(4));
        Assert.True(history.TooMany(start.AddMinutes(4)));
        Assert.True(history.TooMany(start.AddMinutes(5)));
        Assert.False(history.TooMany(start.AddMinutes(5).AddSeconds(1)));

        // Restarts at minutes 1, 4 and 6 are three within five minutes; by minute 9 only two are.
        history.Restarted(start.AddMinutes(6));
        Assert.True(history.TooMany(start.AddMinutes(6)));
        Assert.False(history.TooMany(start.AddMinutes(9)));
        Assert.Equal(4, history.Count);
    }

    [Fact]
    public void History_RecoveringFromAFaultUntilAConsumerPollsAgain_KeepsTheLastFault()
    {
        var history = new RestartHistory(Options);
        Assert.False(history.Recovering);
        Assert.Null(history.LastFault);

        history.Faulted(new InvalidOperationException("poll loop broke"));
        Assert.True(history.Recovering);
        history.Recovered();

        Assert.False(history.Recovering);
        Assert.Equal("InvalidOperationException: poll loop broke", history.LastFault);
    }
}
