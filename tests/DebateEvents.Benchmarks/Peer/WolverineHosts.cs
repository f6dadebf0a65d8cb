using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace DebateEvents.Benchmarks.Peer;

/// <summary>
/// Starts a Wolverine host the way its documentation shows a user: <c>UseWolverine</c> on a host builder, with
/// runtime code generation (WolverineFx.RuntimeCompilation). Handler discovery is limited to the types the peer
/// names, because the harness assembly also holds MassTransit consumers that Wolverine's naming conventions
/// would otherwise pick up as handlers.
/// </summary>
internal static class WolverineHosts
{
    public static async Task<IHost> StartAsync(Action<WolverineOptions> configure, Action<HostApplicationBuilder>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        services?.Invoke(builder);
        builder.UseWolverine(opts =>
        {
            opts.UseRuntimeCompilation();
            opts.Discovery.DisableConventionalDiscovery();
            configure(opts);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task StopAsync(IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }
}
