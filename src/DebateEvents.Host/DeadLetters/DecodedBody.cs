using System.Text.Json;

namespace DebateEvents.Host.DeadLetters;

/// <summary>A dead letter's body: the event as JSON, or the raw bytes with the reason they could not be decoded.</summary>
/// <param name="Type">The CLR contract the body was decoded into, when it was.</param>
/// <param name="Json">The decoded event, when decoding worked.</param>
/// <param name="Base64">The raw body, when decoding failed.</param>
/// <param name="Error">Why decoding failed.</param>
internal sealed record DecodedBody(string? Type, JsonElement? Json, string? Base64, string? Error);
