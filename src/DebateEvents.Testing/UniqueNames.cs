namespace DebateEvents.Testing;

/// <summary>Names no other test uses, for topics, consumer groups and databases: tests share no state.</summary>
public static class UniqueNames
{
    /// <summary><paramref name="prefix"/> followed by a fresh GUID, e.g. <c>debates-3f25…</c>.</summary>
    public static string For(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
