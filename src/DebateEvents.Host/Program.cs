using System.Text.Json.Serialization;
using DebateEvents.Host.Configuration;
using DebateEvents.Host.Embedded;
using DebateEvents.Host.Health;
using DebateEvents.Host.Http;
using DebateEvents.Host.Settings;
using DebateEvents.Host.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
// DebateEvents__Kafka__BootstrapServers and the like, next to the plain Kafka__... form; KAFKA_* still win below.
builder.Configuration.AddEnvironmentVariables("DebateEvents__");
// The configuration holds every environment variable too (and a test's settings), so read them from there.
EnvironmentSettings.Apply(builder.Configuration, name => builder.Configuration[name]);
ListenAddressCheck.Verify(builder.Configuration["Urls"], builder.Configuration[$"{ApiKeyOptions.Section}:{nameof(ApiKeyOptions.Key)}"]);

builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddDebateEvents(builder.Configuration);
builder.Services.AddDebateEventsTelemetry(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<ApiKeyMiddleware>();
// The operator console: static ES modules under wwwroot (copied next to the binaries), served at /.
var console = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = console });
app.UseStaticFiles(new StaticFileOptions { FileProvider = console });

// Start (or connect to) Kafka before serving, so a broken configuration fails at start.
if (app.Services.GetService<KafkaConnection>() is { } connection)
{
    app.Logger.LogInformation("Kafka bootstrap servers: {BootstrapServers}", connection.BootstrapServers);
}
else
{
    app.Logger.LogInformation("Kafka is off (KAFKA_ENABLED=false): events reach the processors through the in-process bus");
}

app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
// Liveness: the process answers (no check runs); readiness: the checks a load balancer should wait for.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponseWriter.WriteAsync });
app.MapOpenApi();
app.MapPrometheusScrapingEndpoint();
app.MapGet("/topics", (IOptions<KafkaOptions> options) => DomainTopics.Names(options.Value.TopicPrefix));
app.MapEventEndpoints();
app.MapReadModelEndpoints();
app.MapOutboxEndpoints();
app.MapOutboxBacklogEndpoints();
app.MapIntrospectionEndpoints();
app.MapKafkaEventEndpoints();
if (app.Services.GetService<KafkaConnection>() is not null)
{
    // The Kafka API needs Kafka; with KAFKA_ENABLED=false these routes do not exist.
    app.MapKafkaTopicEndpoints();
    app.MapKafkaDeadLetterEndpoints();
    app.MapKafkaRecordEndpoints();
    app.MapKafkaConsumerEndpoints();
    app.MapKafkaStatsEndpoints();
    app.MapKafkaHealthEndpoints();
}
app.MapAnalysisEndpoints();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
