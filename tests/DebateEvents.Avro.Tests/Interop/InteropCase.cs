namespace DebateEvents.Avro.Tests.Interop;

/// <summary>One request to Apache.Avro: a schema, and a JSON-encoded value to encode and/or hex bytes to decode.</summary>
public sealed record InteropCase(string Schema, string? Json, string? Hex);
