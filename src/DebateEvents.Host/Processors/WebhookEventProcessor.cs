using System.Text.Json;
using DebateEvents.Host.ReadModels;
using DebateEvents.Host.Webhooks;
using MassTransit;
using Microsoft.Extensions.Options;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Processors;

/// <summary>
/// Delivers notifications to the subscribers of their event type, signed, with retries. Each
/// accepted delivery is recorded at once, so a redelivered notification skips the subscribers that
/// already have it.
/// </summary>
public sealed class WebhookEventProcessor(DebateDbContext db, WebhookClient client, IOptions<WebhookOptions> options)
    : IConsumer<WebhookNotificationRequested>
{
    /// <summary>Sends the notification to every subscriber that wants it and has not got it yet.</summary>
    public async Task Consume(ConsumeContext<WebhookNotificationRequested> context)
    {
        var e = context.Message;
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = e.NotificationId,
            type = e.EventType,
            subject = e.SubjectId,
            occurredAt = e.OccurredAt,
            payload = e.Payload,
        });
        foreach (var subscriber in options.Value.Subscribers.Where(s => s.Url is not null && s.Wants(e.EventType)))
        {
            var url = subscriber.Url!.ToString();
            if (await db.WebhookDeliveries.FindAsync([e.NotificationId, url], context.CancellationToken) is not null)
            {
                continue;
            }

            var (status, attempts) = await client.DeliverAsync(subscriber, e.NotificationId, body, context.CancellationToken);
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                NotificationId = e.NotificationId,
                Url = url,
                StatusCode = status,
                Attempts = attempts,
                DeliveredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
