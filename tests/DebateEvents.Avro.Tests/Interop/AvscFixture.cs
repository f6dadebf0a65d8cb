using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DebateEvents.Avro.Tests.Interop;

/// <summary>
/// Runs the npm package avsc, an independent Avro implementation, installing it into the git-ignored
/// Interop/node/node_modules on first use so the tests work on a fresh machine.
/// </summary>
public sealed class AvscFixture
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    public AvscFixture()
    {
        Directory = Path.Combine(RepositoryPaths.TestProject, "Interop", "node");
        if (!File.Exists(Path.Combine(Directory, "node_modules", "avsc", "package.json")))
        {
            Run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", Directory], null, InstallTimeout);
        }
    }

    public string Directory { get; }

    /// <summary>Sends the cases to interop.js and returns one result object per case.</summary>
    public IReadOnlyList<AvscResult> Process(IReadOnlyList<AvscCase> cases)
    {
        var input = JsonSerializer.Serialize(cases.Select(c => new JsonObject { ["schema"] = c.Schema, ["json"] = c.Json, ["hex"] = c.Hex }).ToList());
        var output = Run("node", [Path.Combine(Directory, "interop.js")], input, RunTimeout);
        return JsonNode.Parse(output)!.AsArray()
            .Select(r => new AvscResult((string?)r!["avscHex"], (string?)r["decodedJson"], (string?)r["reencodedHex"], (string?)r["error"]))
            .ToList();
    }

    private string Run(string fileName, IEnumerable<string> arguments, string? input, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }
}
