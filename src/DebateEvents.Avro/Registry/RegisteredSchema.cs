namespace DebateEvents.Avro.Registry;

/// <summary>A schema as registered under a subject.</summary>
/// <param name="Subject">The subject, e.g. <c>zamaz-debate.debate-events-value</c>.</param>
/// <param name="Id">The registry-wide id written in the wire format.</param>
/// <param name="Version">The version within the subject, from 1.</param>
/// <param name="Schema">The schema text.</param>
public sealed record RegisteredSchema(string Subject, int Id, int Version, string Schema);
