namespace DebateEvents.Avro.Tests.Interop;

/// <summary>What Apache.Avro made of one <see cref="InteropCase"/>, or the error it raised.</summary>
public sealed record InteropResult(string? TheirHex, string? DecodedJson, string? ReencodedHex, string? Error);
