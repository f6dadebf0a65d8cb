using System.Collections.Concurrent;
using System.Diagnostics;

namespace DebateEvents.Testing.Drills;

/// <summary>Starts a built .NET program of this repository on the caller's runtime, keeping its output lines.</summary>
internal static class ChildProcess
{
    public static ProcessStartInfo DotnetStartInfo(string dll)
    {
        var path = Locate(dll);
        var info = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(path);
        return info;
    }

    // Next to the caller (a test project that references the program), or else the program's own build output in
    // the same configuration (src/<name>/bin/<configuration>/<framework>/), for callers that run it without
    // referencing its assembly (the benchmark harness).
    private static string Locate(string dll)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, dll);
        if (File.Exists(beside))
        {
            return beside;
        }

        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent?.Name);
        for (var folder = output.Parent; folder is not null; folder = folder.Parent)
        {
            var built = Path.Combine(folder.FullName, "src", Path.GetFileNameWithoutExtension(dll), "bin", configuration ?? "", framework, dll);
            if (File.Exists(built))
            {
                return built;
            }
        }

        throw new FileNotFoundException($"{dll} is neither next to {AppContext.BaseDirectory} nor built under src/ in this configuration; build it first.", dll);
    }

    public static Process Start(ProcessStartInfo info, ConcurrentQueue<string> output)
    {
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    // The dotnet that runs the caller, so the child runs on the same runtime.
    private static string DotnetPath() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path
        : "dotnet";
}
