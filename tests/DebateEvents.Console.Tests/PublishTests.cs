using System.Net;
using static Microsoft.Playwright.Assertions;

namespace DebateEvents.Console.Tests;

[Trait("Category", "Integration")]
public sealed class PublishTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task DebateInitiatedForm_FromTheSchema_PublishesAnEventThatReachesTheReadModel()
    {
        var page = await host.OpenAsync("publish");
        var form = page.Locator("#publish-form");
        await Expect(form.Locator("[data-field=debate_id]")).ToContainTextAsync("uuid");
        await Expect(form.Locator("[data-field=participants]")).ToContainTextAsync("array of string");
        var debateId = Guid.Parse(await form.Locator("[data-field=debate_id] input").InputValueAsync());

        await form.Locator("[data-field=question] input").FillAsync("Tabs or spaces?");
        await form.Locator("[data-field=participants] textarea").FillAsync("claude\ngemini");
        await form.Locator("[data-field=rounds_planned] input").FillAsync("3");
        await form.Locator("[data-field=initiated_by] input").FillAsync("console test");
        await form.GetByRole(Microsoft.Playwright.AriaRole.Button).ClickAsync();

        var published = page.Locator("#published");
        await Expect(published.Locator("[data-event-id]")).ToBeVisibleAsync();
        await Expect(published.Locator("[data-partition]")).ToContainTextAsync("zamaz-debate.debate-events");
        await ConsoleHost.ScreenshotAsync(page, "publish");
        await host.UntilAsync(async () =>
        {
            var (status, debate) = await host.GetAsync($"/debates/{debateId}");
            return status == HttpStatusCode.OK && debate.GetProperty("question").GetString() == "Tabs or spaces?";
        }, $"debate {debateId} in the read model");
    }
}
