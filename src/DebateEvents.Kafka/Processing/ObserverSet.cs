using MassTransit.Util;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Whether a MassTransit observer set would call anyone. Every endpoint's set holds the bus's own set,
/// so it is never empty itself; notifying it still allocates a callback per message and set, which a
/// record path that runs per record skips when no observer is connected at either level.
/// </summary>
internal static class ObserverSet
{
    public static bool IsEmpty<T>(T observers)
        where T : class
    {
        if (observers is not Connectable<T> set)
        {
            return false;
        }

        foreach (var connected in set.Connected)
        {
            if (connected is not Connectable<T> { Count: 0 })
            {
                return false;
            }
        }

        return true;
    }
}
