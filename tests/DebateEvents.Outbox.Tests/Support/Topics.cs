namespace DebateEvents.Outbox.Tests.Support;

public static class Topics
{
    public const int Partitions = 3;

    public static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";
}
