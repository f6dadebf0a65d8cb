namespace DebateEvents.Avro.Tests.Interop;

/// <summary>What avsc made of one <see cref="AvscCase"/>, or the error it raised.</summary>
public sealed record AvscResult(string? AvscHex, string? DecodedJson, string? ReencodedHex, string? Error);
