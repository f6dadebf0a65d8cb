using Microsoft.EntityFrameworkCore;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Tests.Processors;

public sealed class DecisionAndMetricsProcessorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task DecisionMade_IsRecorded_AndAsksForOneWebhookNotification()
    {
        await using var processors = await ProcessorHarness.StartAsync();
        var decision = new DecisionMade
        {
            DecisionId = Guid.NewGuid(), DebateId = Guid.NewGuid(), Decision = "Adopt event sourcing",
            DecisionType = DecisionType.Complex, Confidence = 0.8125m, Rationale = "majority",
            ImplementationRequired = true, OccurredAt = Now,
        };

        await processors.PublishAndWait(decision);

        var stored = await processors.Query(db => db.Decisions.SingleAsync(d => d.Id == decision.DecisionId));
        Assert.Equal(0.8125m, stored.Confidence);
        Assert.Equal(DecisionType.Complex, stored.DecisionType);
        Assert.True(await processors.Harness.Published.Any<WebhookNotificationRequested>());
        var notification = processors.Harness.Published.Select<WebhookNotificationRequested>().Single().Context.Message;
        Assert.Equal(decision.DecisionId, notification.NotificationId);
        Assert.Equal("decision.made", notification.EventType);
        Assert.Equal(decision.DebateId.ToString("D"), notification.SubjectId);
        Assert.Equal("0.8125", notification.Payload["confidence"]);
    }

    [Fact]
    public async Task EvolutionTriggered_IsAppendedToTheHistoryOnce()
    {
        await using var processors = await ProcessorHarness.StartAsync();
        var evolution = new EvolutionTriggered
        {
            EvolutionId = Guid.NewGuid(), Feature = "caching", Trigger = "decision", Impact = EvolutionImpact.High,
            DebateId = Guid.NewGuid(), OccurredAt = Now,
        };

        await processors.PublishAndWait(evolution);
        await processors.PublishAndWait(evolution with { Feature = "caching (redelivered)" });

        var history = await processors.Query(db => db.Evolutions.ToListAsync());
        var entry = Assert.Single(history);
        Assert.Equal("caching", entry.Feature);
        Assert.Equal(EvolutionImpact.High, entry.Impact);
    }

    [Fact]
    public async Task MetricRecorded_AggregatesCountSumMinMaxAndLast()
    {
        await using var processors = await ProcessorHarness.StartAsync();
        double[] values = [4, 10, 1];

        foreach (var value in values)
        {
            await processors.PublishAndWait(new MetricRecorded
            {
                Name = "debate.duration", Value = value, Unit = "s",
                Tags = new Dictionary<string, string> { ["env"] = "test" }, OccurredAt = Now,
            });
        }

        var aggregate = await processors.Query(db => db.Metrics.SingleAsync(m => m.Name == "debate.duration"));
        Assert.Equal(3, aggregate.Count);
        Assert.Equal(15, aggregate.Sum);
        Assert.Equal(1, aggregate.Min);
        Assert.Equal(10, aggregate.Max);
        Assert.Equal(1, aggregate.LastValue);
        Assert.Equal("s", aggregate.Unit);
        var window = processors.Services.GetService(typeof(DebateEvents.Host.Processors.MetricWindows)) as DebateEvents.Host.Processors.MetricWindows;
        var (perSecond, average, count) = window!.Snapshot("debate.duration");
        Assert.Equal(3, count);
        Assert.Equal(5, average);
        Assert.Equal(3 / 60.0, perSecond, 6);
    }
}
