using System.Collections.Frozen;
using DebateEvents.Avro;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Http;

/// <summary>
/// The event types the HTTP API accepts: every generated contract, addressable by its short name
/// (<c>DebateInitiated</c>) or its Avro full name (<c>zamaz.debate.events.DebateInitiated</c>).
/// </summary>
public static class EventTypeCatalog
{
    private static readonly FrozenDictionary<string, Type> ByName = typeof(DebateInitiated).Assembly.GetExportedTypes()
        .Where(t => t.IsClass && typeof(IAvroRecord).IsAssignableFrom(t) && t.Namespace == typeof(DebateInitiated).Namespace)
        .Where(t => t != typeof(AnalyzeDebate) && t != typeof(DebateAnalysis)) // request/response, not events: POST /debates/{id}/analysis
        .SelectMany(t => new[] { (t.Name, t), ($"zamaz.debate.events.{t.Name}", t) })
        .ToFrozenDictionary(p => p.Item1, p => p.t, StringComparer.OrdinalIgnoreCase);

    /// <summary>Short names of every accepted event type.</summary>
    public static IEnumerable<string> Names => ByName.Values.Distinct().Select(t => t.Name).Order(StringComparer.Ordinal);

    /// <summary>The contract type named <paramref name="name"/>, if any.</summary>
    public static bool TryResolve(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        ByName.TryGetValue(name, out type);
}
