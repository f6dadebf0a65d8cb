using static Microsoft.Playwright.Assertions;

namespace DebateEvents.Console.Tests;

[Trait("Category", "Integration")]
public sealed class TopicTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task CreateTopicForm_ShowsTheNewTopicWithItsPartitions()
    {
        var name = $"console-{Guid.NewGuid():N}";
        var page = await host.OpenAsync("topics");
        var form = page.Locator("#create-topic");
        await form.Locator("input[name=name]").FillAsync(name);
        await form.Locator("input[name=num_partitions]").FillAsync("2");
        await form.GetByRole(Microsoft.Playwright.AriaRole.Button).ClickAsync();

        await Expect(page.Locator($"#topics tr[data-topic='{name}']")).ToContainTextAsync("2");
        await Expect(page.Locator("#topics h2", new() { HasText = $"Topic {name}" })).ToBeVisibleAsync();
        var (_, topics) = await host.GetAsync("/kafka/topics");
        Assert.Contains(topics.EnumerateArray(), t => t.GetProperty("name").GetString() == name && t.GetProperty("partitions").GetInt32() == 2);
        await ConsoleHost.ScreenshotAsync(page, "topics-created");
    }

    [Fact]
    public async Task BrowseButton_ShowsTheNewestRecordsDecoded()
    {
        var debateId = Guid.NewGuid();
        await host.PostAsync("/events/DebateInitiated?wait=true", new
        {
            debateId, question = "Browse me", participants = new[] { "claude", "gemini" }, roundsPlanned = 1, initiatedBy = "console", occurredAt = DateTimeOffset.UtcNow,
        });
        var page = await host.OpenAsync("topics");
        await page.Locator("#topics tr[data-topic='zamaz-debate.debate-events'] a").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Browse newest records" }).ClickAsync();

        var record = page.Locator("#topics tr", new() { HasText = debateId.ToString() });
        await Expect(record).ToContainTextAsync("Browse me");
        await Expect(record).ToContainTextAsync("zamaz.debate.events.DebateInitiated");
        await ConsoleHost.ScreenshotAsync(page, "topics-records");
    }
}
