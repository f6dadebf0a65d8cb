using System.Runtime.InteropServices;

namespace DebateEvents.Broker;

/// <summary>
/// The standalone development broker: starts, prints one "Broker ready: ..." line, and runs until SIGINT or SIGTERM.
/// </summary>
/// <remarks>A class rather than top-level statements: ASP.NET Core makes a top-level <c>Program</c> public, which
/// would clash with the host's own <c>Program</c> in a test project that references both.</remarks>
internal static class BrokerProgram
{
    public static async Task<int> Main(string[] args)
    {
        BrokerOptions options;
        try
        {
            options = BrokerOptions.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(BrokerOptions.Usage);
            return 2;
        }

        var stopped = new TaskCompletionSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using var broker = await StandaloneBroker.StartAsync(options).ConfigureAwait(false);
        Console.WriteLine(broker.ReadyLine);
        Console.WriteLine("Topics are created on first use (4 partitions), or with POST /topics/{name}?partitions=N on the control endpoint. Ctrl-C stops; everything is in memory and gone then.");
        await stopped.Task.ConfigureAwait(false);
        Console.WriteLine("Broker stopped.");
        return 0;
    }
}
