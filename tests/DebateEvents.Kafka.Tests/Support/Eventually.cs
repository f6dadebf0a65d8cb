namespace DebateEvents.Kafka.Tests.Support;

/// <summary>Waits for an outcome with a deadline, failing with a description of what was missing.</summary>
internal static class Eventually
{
    public static async Task Until(Func<bool> condition, TimeSpan timeout, Func<string> missing)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s: {missing()}");
            }

            await Task.Delay(20);
        }
    }

    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, Func<string> missing)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s: {missing()}");
            }

            await Task.Delay(20);
        }
    }
}
