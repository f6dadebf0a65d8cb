using System.Text.Json.Serialization;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>System.Text.Json's source-generated metadata for the benchmark event: the fastest JSON baseline.</summary>
[JsonSerializable(typeof(AvroBenchmarkEvent))]
internal sealed partial class AvroBenchmarkJsonContext : JsonSerializerContext;
