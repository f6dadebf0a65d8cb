using Confluent.Kafka;
using static Microsoft.Playwright.Assertions;

namespace DebateEvents.Console.Tests;

[Trait("Category", "Integration")]
public sealed class OutboxTests(FastMetadataConsoleHost host) : IClassFixture<FastMetadataConsoleHost>
{
    private const string MetricsTopic = "zamaz-debate.metrics-events";

    [Fact]
    public async Task RejectedEvent_IsParkedWithItsError_AndTheRequeueButtonSendsItOnceTheTopicAcceptsIt()
    {
        var page = await host.OpenAsync("outbox");
        var name = $"parked-{Guid.NewGuid():N}";
        host.Cluster.SetTopicError(MetricsTopic, ErrorCode.TopicAuthorizationFailed);
        try
        {
            await host.PostAsync("/events/MetricRecorded", new { name, value = 1.0, tags = new Dictionary<string, string>(), occurredAt = DateTimeOffset.UtcNow });
            var parked = page.Locator("#outbox tr", new() { HasText = MetricsTopic });
            await Expect(parked).ToContainTextAsync("TopicAuthorizationFailed");
            await ConsoleHost.ScreenshotAsync(page, "outbox-parked");
        }
        finally
        {
            host.Cluster.SetTopicError(MetricsTopic, ErrorCode.NoError);
        }

        await host.UntilAsync(async () =>
        {
            // Until the producer's metadata shows the topic accepting again, a requeued event may be parked again: requeue it, as an operator would.
            var requeue = page.Locator("#outbox tr", new() { HasText = MetricsTopic }).GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Requeue" });
            if (await requeue.CountAsync() > 0)
            {
                await requeue.First.ClickAsync();
                await Expect(page.Locator("#outbox .result")).ToContainTextAsync("back in line for delivery");
            }

            // The topic's own consumer group lost its partitions to the error; the topic itself shows the delivery.
            var (_, records) = await host.GetAsync($"/kafka/topics/{MetricsTopic}/records?limit=10");
            return records.GetProperty("records").EnumerateArray().Any(r => r.GetProperty("body").GetProperty("json").GetProperty("name").GetString() == name);
        }, $"metric {name} on {MetricsTopic} after requeue");
        await ConsoleHost.ScreenshotAsync(page, "outbox-requeued");
    }
}
