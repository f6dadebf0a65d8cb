using DebateEvents.Kafka.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DebateEvents.Host.Telemetry;

/// <summary>
/// <c>services.AddDebateEventsTelemetry(configuration)</c>: OpenTelemetry for the host. Metrics (the rider's and the
/// outbox's meters, ASP.NET Core, HttpClient, the runtime) always, for the Prometheus scrape at <c>GET /metrics</c>;
/// with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the same metrics and the traces (the rider's spans, ASP.NET Core,
/// HttpClient, EF Core) also go there over OTLP, configured by the SDK's own <c>OTEL_*</c> variables.
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>The variable (or configuration key) that turns the OTLP export on.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name of the exported telemetry unless <c>OTEL_SERVICE_NAME</c> gives another.</summary>
    public const string DefaultServiceName = "debate-events";

    // The outbox keeps its meter's name internal; it is part of its documented surface all the same (README).
    private const string OutboxMeter = "DebateEvents.Outbox";

    /// <summary>Registers the OpenTelemetry SDK with the host's instruments and exporters.</summary>
    /// <exception cref="InvalidOperationException"><c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set but is not an http(s) URL.</exception>
    public static IServiceCollection AddDebateEventsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = IsOtlpEnabled(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(KafkaTelemetry.Name, OutboxMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });

        // Spans cost something per record and per request even when dropped, so they are made only when they go somewhere.
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(KafkaTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }

    private static bool IsOtlpEnabled(IConfiguration configuration)
    {
        if (configuration[OtlpEndpoint] is not { Length: > 0 } endpoint)
        {
            return false;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{OtlpEndpoint} must be an http(s) URL such as http://localhost:4317, not '{endpoint}'.");
        }

        return true;
    }
}
