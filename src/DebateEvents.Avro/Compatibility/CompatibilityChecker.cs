using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Compatibility;

/// <summary>Checks a candidate schema against the versions registered before it, at a compatibility level.</summary>
public static class CompatibilityChecker
{
    /// <summary>Lists every broken rule; an empty list means the candidate may be registered.</summary>
    /// <param name="candidate">The new schema.</param>
    /// <param name="previous">Earlier versions, oldest first; non-transitive levels look at the last one only.</param>
    /// <param name="level">The level to enforce.</param>
    /// <returns>Messages naming the level, the version, the direction, the field path and the rule.</returns>
    public static IReadOnlyList<string> Check(AvroSchema candidate, IReadOnlyList<AvroSchema> previous, CompatibilityLevel level)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(previous);
        if (level == CompatibilityLevel.None || previous.Count == 0)
        {
            return [];
        }

        var transitive = level is CompatibilityLevel.BackwardTransitive or CompatibilityLevel.ForwardTransitive or CompatibilityLevel.FullTransitive;
        var backward = level is not (CompatibilityLevel.Forward or CompatibilityLevel.ForwardTransitive);
        var forward = level is not (CompatibilityLevel.Backward or CompatibilityLevel.BackwardTransitive);
        var messages = new List<string>();
        for (var i = transitive ? 0 : previous.Count - 1; i < previous.Count; i++)
        {
            var version = $"version {i + 1} of {previous.Count}";
            if (backward)
            {
                messages.AddRange(candidate.CanRead(previous[i]).Select(p => $"{level.ToWireName()}: the new schema cannot read data written with {version}: {p}"));
            }

            if (forward)
            {
                messages.AddRange(previous[i].CanRead(candidate).Select(p => $"{level.ToWireName()}: {version} cannot read data written with the new schema: {p}"));
            }
        }

        return messages;
    }
}
