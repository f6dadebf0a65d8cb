namespace DebateEvents.Outbox.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes, then fails with what was missing.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describeMissing)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {timeout.TotalSeconds:0} s: {describeMissing()}");
            }

            await Task.Delay(50);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> describeMissing) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, describeMissing);
}
