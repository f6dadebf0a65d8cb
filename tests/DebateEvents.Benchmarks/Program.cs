using System.Reflection;
using DebateEvents.Benchmarks.Report;

// Each scenario is a static class named <Name>Scenario with RunAsync(CancellationToken), or
// RunAsync(string[] arguments, CancellationToken), returning its final "RESULT <name> key=value ..." line; the
// first argument picks one by name, the rest go to the scenario. "--report RUNS OUT" writes the report instead.
var scenarios = typeof(Program).Assembly.GetTypes()
    .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Scenario", StringComparison.Ordinal))
    .Select(t => (Name: ScenarioName(t.Name), Run: t.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)))
    .Where(s => s.Run is not null)
    .ToDictionary(s => s.Name, s => s.Run!);

if (args is ["--report", var runs, var output])
{
    PerformanceReport.Write(runs, output);
    return 0;
}

if (args.Length < 1 || !scenarios.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/DebateEvents.Benchmarks -- <{string.Join('|', scenarios.Keys.Order())}> [arguments]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/DebateEvents.Benchmarks -- --report <runs folder> <docs folder>");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
object?[] parameters = run.GetParameters().Length == 2 ? [args[1..], cancel.Token] : [cancel.Token];
var result = await (Task<string>)run.Invoke(null, parameters)!;
Console.WriteLine(result);
return 0;

// DrillCrashScenario -> drill-crash: a capital after the first letter starts a new dash-separated word.
static string ScenarioName(string typeName) =>
    string.Concat(typeName[..^"Scenario".Length].Select((c, i) => i > 0 && char.IsUpper(c) ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

/// <summary>Entry point; scenarios are found by reflection on this assembly.</summary>
internal sealed partial class Program;
