using static Microsoft.Playwright.Assertions;

namespace DebateEvents.Console.Tests;

[Trait("Category", "Integration")]
public sealed class ApiKeyTests(KeyedConsoleHost host) : IClassFixture<KeyedConsoleHost>
{
    [Fact]
    public async Task WithAKeyConfigured_ThePageSaysItIsMissing_AndChangesWorkOnceItIsEntered()
    {
        var name = $"keyed-{Guid.NewGuid():N}";
        var page = await host.OpenAsync("topics");
        await Expect(page.Locator("#notice")).ToContainTextAsync("requires an API key");
        await Expect(page.Locator("#api-key-state")).ToHaveTextAsync("missing");
        var form = page.Locator("#create-topic");
        await form.Locator("input[name=name]").FillAsync(name);
        await form.GetByRole(Microsoft.Playwright.AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#topics .error")).ToContainTextAsync("HTTP 401");
        await ConsoleHost.ScreenshotAsync(page, "api-key-missing");

        await page.Locator("#api-key input[name=key]").FillAsync(KeyedConsoleHost.Key);
        await page.Locator("#api-key input[name=key]").PressAsync("Enter");
        await Expect(page.Locator("#notice")).ToBeHiddenAsync();
        await form.Locator("input[name=name]").FillAsync(name);
        await form.GetByRole(Microsoft.Playwright.AriaRole.Button).ClickAsync();

        await Expect(page.Locator($"#topics tr[data-topic='{name}']")).ToBeVisibleAsync();
        Assert.Equal(KeyedConsoleHost.Key, await page.EvaluateAsync<string>("sessionStorage.getItem('debate-events-api-key')"));
    }
}
