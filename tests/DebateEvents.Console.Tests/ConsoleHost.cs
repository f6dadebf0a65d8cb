using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DebateEvents.Embedded;
using DebateEvents.Host.Embedded;
using DebateEvents.Host.Tests;
using DebateEvents.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DebateEvents.Console.Tests;

/// <summary>
/// The real host on its embedded defaults, listening on a free loopback port (Kestrel, not the test server, so a real
/// browser can reach it), and a headless Debian chromium driven by Playwright. One per test class.
/// </summary>
public class ConsoleHost : IAsyncLifetime
{
    /// <summary>Debian's chromium, which scripts/test.sh installs; DEBATEEVENTS_CHROMIUM names another.</summary>
    private static readonly string BrowserPath = Environment.GetEnvironmentVariable("DEBATEEVENTS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly HostFactory _factory = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the host serves HTTP.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client of the host's HTTP API, for what a test arranges and checks besides the page.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>The host's in-process Kafka cluster.</summary>
    public EmbeddedKafkaCluster Cluster => _factory.Services.GetRequiredService<KafkaConnection>().Embedded!;

    /// <summary>Where the screenshots go: TestResults/screenshots of this project.</summary>
    public static string ScreenshotDirectory { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserPath))
        {
            throw new InvalidOperationException($"No chromium at {BrowserPath}: scripts/test.sh installs it (scripts/apt.sh chromium).");
        }

        Configure(_factory.Settings);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Api = new HttpClient { BaseAddress = BaseAddress };
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserPath, Headless = true });
    }

    /// <summary>Adds host settings before it starts; none by default.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Opens the console at the section named by <paramref name="hash"/> in a fresh page of the given size.</summary>
    public async Task<IPage> OpenAsync(string hash, int width = 1280, int height = 800)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = BaseAddress.ToString() });
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        await page.GotoAsync($"/#{hash}");
        return page;
    }

    /// <summary>Saves the page as TestResults/screenshots/{name}.png.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = fullPage });
    }

    /// <summary>GETs JSON from the API; the status and the body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>POSTs JSON to the API and fails unless it answers 2xx.</summary>
    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await Api.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Waits until <paramref name="condition"/> holds for what the API answers, failing with <paramref name="what"/>.</summary>
    public Task UntilAsync(Func<Task<bool>> condition, string what) => Eventually.Until(condition, TimeSpan.FromSeconds(30), () => what);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
