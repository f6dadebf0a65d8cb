namespace DebateEvents.Avro.Compatibility;

/// <summary>Converts compatibility levels to and from the registry's names (<c>BACKWARD_TRANSITIVE</c>).</summary>
public static class CompatibilityLevels
{
    /// <summary>The registry's name for a level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The upper-case, underscore-separated name.</returns>
    public static string ToWireName(this CompatibilityLevel level) => level switch
    {
        CompatibilityLevel.Backward => "BACKWARD",
        CompatibilityLevel.BackwardTransitive => "BACKWARD_TRANSITIVE",
        CompatibilityLevel.Forward => "FORWARD",
        CompatibilityLevel.ForwardTransitive => "FORWARD_TRANSITIVE",
        CompatibilityLevel.Full => "FULL",
        CompatibilityLevel.FullTransitive => "FULL_TRANSITIVE",
        CompatibilityLevel.None => "NONE",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown compatibility level."),
    };

    /// <summary>Parses a registry level name, case-insensitively.</summary>
    /// <param name="name">A name such as <c>FULL_TRANSITIVE</c>.</param>
    /// <param name="level">The parsed level.</param>
    /// <returns>Whether the name is a known level.</returns>
    public static bool TryParse(string? name, out CompatibilityLevel level)
    {
        foreach (var candidate in Enum.GetValues<CompatibilityLevel>())
        {
            if (string.Equals(candidate.ToWireName(), name, StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = default;
        return false;
    }
}
