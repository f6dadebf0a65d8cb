using System.Collections.Concurrent;
using System.Diagnostics;

namespace DebateEvents.Testing.Drills;

/// <summary>Starts a built .NET program next to the calling one on the same runtime, keeping its output lines.</summary>
internal static class ChildProcess
{
    public static ProcessStartInfo DotnetStartInfo(string dll)
    {
        var info = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        return info;
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
