using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Webhooks;

/// <summary>POSTs a signed notification body to one subscriber, retrying with exponential backoff.</summary>
public sealed class WebhookClient(HttpClient http, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookClient> logger)
{
    /// <summary>The HTTP header carrying the body's signature.</summary>
    public const string SignatureHeader = "X-DebateEvents-Signature";

    /// <summary>The HTTP header carrying the Unix time the signature covers.</summary>
    public const string TimestampHeader = "X-DebateEvents-Timestamp";

    /// <summary>The HTTP header carrying the notification id, for the subscriber's own de-duplication.</summary>
    public const string IdHeader = "X-DebateEvents-Id";

    /// <summary>Delivers <paramref name="body"/>; returns the accepting status code and the attempts used.</summary>
    /// <exception cref="WebhookDeliveryException">Every attempt failed.</exception>
    public async Task<(int StatusCode, int Attempts)> DeliverAsync(
        WebhookSubscriber subscriber, Guid notificationId, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var url = subscriber.Url ?? throw new InvalidOperationException("A webhook subscriber has no Url.");
        var settings = options.Value;
        var delay = settings.FirstRetryDelay;
        var reason = "";
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.Timeout);
                using var response = await http.SendAsync(Request(subscriber, url, notificationId, body), timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return ((int)response.StatusCode, attempt);
                }

                reason = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                reason = ex.Message;
            }

            logger.LogWarning("Webhook {NotificationId} attempt {Attempt} to {Host} failed: {Reason}", notificationId, attempt, url.Host, reason);
            if (attempt < settings.MaxAttempts)
            {
                await Task.Delay(delay, clock, cancellationToken);
                delay *= 2;
            }
        }

        throw new WebhookDeliveryException(notificationId, url, reason);
    }

    private HttpRequestMessage Request(WebhookSubscriber subscriber, Uri url, Guid notificationId, byte[] body)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(IdHeader, notificationId.ToString("D"));
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, WebhookSigner.Sign(subscriber.Secret, timestamp, body));
        return request;
    }
}
