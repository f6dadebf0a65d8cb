using DebateEvents.Avro.Schemas;

namespace DebateEvents.Embedded.Registry;

/// <summary>One version of a subject in the embedded registry.</summary>
internal sealed record StoredVersion(string Subject, int Id, int Version, string Schema, string Identity, AvroSchema Parsed);
