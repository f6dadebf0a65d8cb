using System.Globalization;
using System.Text;
using System.Text.Json;
using DebateEvents.Host.Webhooks;
using Microsoft.EntityFrameworkCore;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Tests.Processors;

[Trait("Category", "Integration")]
public sealed class WebhookEventProcessorTests
{
    private const string Secret = "s3cret";

    [Fact]
    public async Task Notification_IsPostedSigned_AfterRetryingAFailingSubscriber()
    {
        using var subscriber = new WebhookSubscriberServer(failFirst: 2);
        await using var processors = await ProcessorHarness.StartAsync(o => Subscribe(o, subscriber.Url, "decision.made"));
        var notification = Notification("decision.made");

        await processors.PublishAndWait(notification);

        var calls = subscriber.Calls.ToArray();
        Assert.Equal([500, 500, 204], calls.Select(c => c.Status));
        var (_, headers, body) = calls[^1];
        var timestamp = long.Parse(headers[WebhookClient.TimestampHeader], CultureInfo.InvariantCulture);
        Assert.Equal(WebhookSigner.Sign(Secret, timestamp, body), headers[WebhookClient.SignatureHeader]);
        Assert.Equal(notification.NotificationId.ToString("D"), headers[WebhookClient.IdHeader]);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("subject-1", json.RootElement.GetProperty("subject").GetString());
        Assert.Equal("yes", json.RootElement.GetProperty("payload").GetProperty("approved").GetString());
        var delivery = await processors.Query(db => db.WebhookDeliveries.SingleAsync());
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(204, delivery.StatusCode);
    }

    [Fact]
    public async Task Notification_Redelivered_IsNotPostedAgain_AndOtherTypesAreNotPostedAtAll()
    {
        using var subscriber = new WebhookSubscriberServer();
        await using var processors = await ProcessorHarness.StartAsync(o => Subscribe(o, subscriber.Url, "decision.made"));
        var notification = Notification("decision.made");

        await processors.PublishAndWait(notification);
        await processors.PublishAndWait(notification);
        await processors.PublishAndWait(Notification("metric.alert"));

        Assert.Single(subscriber.Calls);
    }

    [Fact]
    public void Signature_ChangesWithBodyTimestampAndSecret()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":1}");
        var signature = WebhookSigner.Sign(Secret, 1_700_000_000, body);

        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.Equal(7 + 64, signature.Length);
        Assert.NotEqual(signature, WebhookSigner.Sign(Secret, 1_700_000_001, body));
        Assert.NotEqual(signature, WebhookSigner.Sign("other", 1_700_000_000, body));
        Assert.NotEqual(signature, WebhookSigner.Sign(Secret, 1_700_000_000, Encoding.UTF8.GetBytes("{\"id\":2}")));
    }

    private static void Subscribe(WebhookOptions options, Uri url, string eventType)
    {
        options.FirstRetryDelay = TimeSpan.FromMilliseconds(10);
        options.Subscribers.Add(new WebhookSubscriber { Url = url, Secret = Secret, EventTypes = [eventType] });
    }

    private static WebhookNotificationRequested Notification(string eventType) => new()
    {
        NotificationId = Guid.NewGuid(),
        EventType = eventType,
        SubjectId = "subject-1",
        Payload = new Dictionary<string, string> { ["approved"] = "yes" },
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
