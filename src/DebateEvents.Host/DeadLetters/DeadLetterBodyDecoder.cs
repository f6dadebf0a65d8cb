using System.Text.Json;
using System.Text.Json.Serialization;
using Confluent.SchemaRegistry;
using DebateEvents.Avro.Registry;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Host.DeadLetters;

/// <summary>
/// Decodes a record's body (a dead letter's, or any the topic browser shows): Avro through the schema registry into the contract its <c>ce_type</c> names, JSON
/// as it is. Whatever cannot be decoded is returned as base64 with the reason, never thrown.
/// </summary>
internal sealed class DeadLetterBodyDecoder(ConfluentAvroDeserializer avro, EventRouteTable routes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A decoder on the host's schema registry client and event routes.</summary>
    public static DeadLetterBodyDecoder For(IServiceProvider services) => new(
        new ConfluentAvroDeserializer(services.GetRequiredService<ISchemaRegistryClient>()), services.GetRequiredService<KafkaEventRouting>().Routes);

    /// <summary>Decodes <paramref name="body"/> written as <paramref name="contentType"/> for event type <paramref name="eventType"/>.</summary>
    public async Task<DecodedBody> DecodeAsync(byte[] body, string? eventType, string? contentType, CancellationToken cancellationToken)
    {
        try
        {
            if (contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                return new DecodedBody(null, JsonDocument.Parse(body).RootElement.Clone(), null, null);
            }

            if (contentType is not null && contentType != ConfluentAvroSerializer.ContentType)
            {
                return Undecoded(body, $"Content type '{contentType}' is neither Avro nor JSON.");
            }

            if (eventType is null || !routes.TryResolve(eventType, out var type))
            {
                return Undecoded(body, eventType is null ? "The record has no ce_type header." : $"ce_type '{eventType}' names no known event type.");
            }

            var value = await avro.DeserializeAsync(body, type, cancellationToken);
            return new DecodedBody(type.Name, JsonSerializer.SerializeToElement(value, type, Json), null, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A body that cannot be read is exactly what a dead-letter topic holds: show it, do not fail the listing.
            return Undecoded(body, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static DecodedBody Undecoded(byte[] body, string error) => new(null, null, Convert.ToBase64String(body), error);
}
