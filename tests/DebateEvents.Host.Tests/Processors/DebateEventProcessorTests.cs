using DebateEvents.Host.ReadModels;
using Microsoft.EntityFrameworkCore;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Tests.Processors;

public sealed class DebateEventProcessorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DebateLifecycle_BuildsTheReadModel()
    {
        await using var processors = await ProcessorHarness.StartAsync();
        var id = Guid.NewGuid();

        await processors.PublishAndWait(new DebateInitiated
        {
            DebateId = id, Question = "Microservices?", Participants = ["claude", "gemini"],
            RoundsPlanned = 3, InitiatedBy = "test", OccurredAt = Start,
        });
        for (var round = 1; round <= 2; round++)
        {
            await processors.PublishAndWait(new ArgumentSubmitted
            {
                DebateId = id, Round = round, Participant = "claude", Position = Position.For,
                Content = $"argument {round}", OccurredAt = Start.AddMinutes(round),
            });
        }

        await processors.PublishAndWait(new DebateCompleted
        {
            DebateId = id, Outcome = DebateOutcome.Majority, WinningPosition = Position.For,
            Rounds = 2, DurationMs = 120_000, OccurredAt = Start.AddMinutes(3),
        });

        var view = await processors.Query(db => db.Debates.SingleAsync(d => d.Id == id));
        Assert.Equal("Microservices?", view.Question);
        Assert.Equal(["claude", "gemini"], view.Participants);
        Assert.Equal(2, view.ArgumentCount);
        Assert.Equal(2, view.CurrentRound);
        Assert.Equal(DebateStatus.Completed, view.Status);
        Assert.Equal(DebateOutcome.Majority, view.Outcome);
        Assert.Equal(Position.For, view.WinningPosition);
    }

    [Fact]
    public async Task ArgumentForUnknownDebate_FaultsNamingTheDebate()
    {
        await using var processors = await ProcessorHarness.StartAsync();
        var id = Guid.NewGuid();

        await processors.Harness.Bus.Publish(new ArgumentSubmitted
        {
            DebateId = id, Round = 1, Participant = "claude", Position = Position.Against,
            Content = "orphan", OccurredAt = Start,
        });

        Assert.True(await processors.Harness.Published.Any<MassTransit.Fault<ArgumentSubmitted>>());
        var fault = processors.Harness.Published.Select<MassTransit.Fault<ArgumentSubmitted>>().First().Context.Message;
        Assert.Contains(id.ToString(), fault.Exceptions[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, await processors.Query(db => db.Debates.CountAsync()));
    }

    [Fact]
    public async Task DebateInitiated_Redelivered_KeepsTheFirstReadModel()
    {
        await using var processors = await ProcessorHarness.StartAsync();
        var id = Guid.NewGuid();
        var initiated = new DebateInitiated
        {
            DebateId = id, Question = "Q", Participants = ["a", "b"], RoundsPlanned = 2, InitiatedBy = "t", OccurredAt = Start,
        };

        await processors.PublishAndWait(initiated);
        await processors.PublishAndWait(new ArgumentSubmitted
        {
            DebateId = id, Round = 1, Participant = "a", Position = Position.Neutral, Content = "c", OccurredAt = Start,
        });
        await processors.PublishAndWait(initiated with { Question = "Q (redelivered)" });

        var view = await processors.Query(db => db.Debates.SingleAsync(d => d.Id == id));
        Assert.Equal("Q", view.Question);
        Assert.Equal(1, view.ArgumentCount);
    }
}
