using System.Runtime.InteropServices;
using DebateEvents.Broker;

// The standalone development broker: starts, prints one "Broker ready: ..." line, and runs until SIGINT or SIGTERM.
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
await using var broker = await StandaloneBroker.StartAsync(options);
Console.WriteLine(broker.ReadyLine);
Console.WriteLine("Topics are created on first use (4 partitions), or with POST /topics/{name}?partitions=N on the control endpoint. Ctrl-C stops; everything is in memory and gone then.");
await stopped.Task;
Console.WriteLine("Broker stopped.");
return 0;
