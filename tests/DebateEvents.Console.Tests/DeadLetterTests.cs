using System.Net;
using static Microsoft.Playwright.Assertions;

namespace DebateEvents.Console.Tests;

[Trait("Category", "Integration")]
public sealed class DeadLetterTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task PoisonRecord_IsListed_AndTheReplayButtonBringsItToTheReadModelOnceFixed()
    {
        var debateId = Guid.NewGuid();
        // An argument for a debate that does not exist yet: the processor throws, and after its retries it is dead-lettered.
        await host.PostAsync("/events/ArgumentSubmitted", new
        {
            debateId, round = 1, participant = "claude", position = "FOR", content = "poison", confidence = 0.5, occurredAt = DateTimeOffset.UtcNow,
        });
        var page = await host.OpenAsync("dead-letters");
        await Expect(page.Locator("#dead-letters select[name=topic]")).ToHaveValueAsync("zamaz-debate.debate-events");
        var row = page.Locator("#dead-letters tr[data-dead-letter]", new() { HasText = debateId.ToString() });
        await host.UntilAsync(async () =>
        {
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
            return await row.CountAsync() == 1;
        }, $"the dead letter of debate {debateId} listed");
        await Expect(row).ToContainTextAsync("consumer-faulted");
        await Expect(row).ToContainTextAsync("UnknownDebateException");
        await Expect(row).ToContainTextAsync("poison");

        await host.PostAsync("/events/DebateInitiated", new
        {
            debateId, question = "Replay?", participants = new[] { "claude", "gemini" }, roundsPlanned = 2, initiatedBy = "console", occurredAt = DateTimeOffset.UtcNow,
        });
        await host.UntilAsync(async () => (await host.GetAsync($"/debates/{debateId}")).Status == HttpStatusCode.OK, $"debate {debateId} in the read model");
        await row.Locator("input[name=pick]").CheckAsync();
        await ConsoleHost.ScreenshotAsync(page, "dead-letters");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Replay selected" }).ClickAsync();

        await Expect(page.Locator("#replay-outcome")).ToContainTextAsync("Replayed 1 to zamaz-debate.debate-events");
        await host.UntilAsync(async () =>
        {
            var (status, debate) = await host.GetAsync($"/debates/{debateId}");
            return status == HttpStatusCode.OK && debate.GetProperty("argumentCount").GetInt32() == 1;
        }, $"debate {debateId} with the replayed argument");
        await ConsoleHost.ScreenshotAsync(page, "dead-letters-replayed");
    }
}
