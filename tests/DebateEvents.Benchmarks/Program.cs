using System.Reflection;

// Each scenario is a static class named <Name>Scenario with RunAsync(CancellationToken) returning its
// final "RESULT <name> key=value ..." line; the first argument picks one by name, in kebab case
// (DrillCrashScenario is drill-crash).
var scenarios = typeof(Program).Assembly.GetTypes()
    .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Scenario", StringComparison.Ordinal))
    .Select(t => (Name: System.Text.RegularExpressions.Regex.Replace(t.Name[..^"Scenario".Length], "(?<=[a-z0-9])([A-Z])", "-$1").ToLowerInvariant(), Run: t.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)))
    .Where(s => s.Run is not null)
    .ToDictionary(s => s.Name, s => s.Run!);

if (args.Length != 1 || !scenarios.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/DebateEvents.Benchmarks -- <{string.Join('|', scenarios.Keys.Order())}>");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var result = await (Task<string>)run.Invoke(null, [cancel.Token])!;
Console.WriteLine(result);
return 0;

/// <summary>Entry point; scenarios are found by reflection on this assembly.</summary>
internal sealed partial class Program;
