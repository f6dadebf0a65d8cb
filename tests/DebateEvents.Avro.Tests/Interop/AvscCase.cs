namespace DebateEvents.Avro.Tests.Interop;

/// <summary>One request to avsc: a schema, and a JSON-encoded value to encode and/or hex bytes to decode.</summary>
public sealed record AvscCase(string Schema, string? Json, string? Hex);
