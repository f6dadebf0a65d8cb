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
// The configuration holds every environment variable too (and a test's settings), so read them from there.
EnvironmentSettings.Apply(builder.Configuration, name => builder.Configuration[name]);
ListenAddressCheck.Verify(builder.Configuration["Urls"], builder.Configuration[$"{ApiKeyOptions.Section}:{nameof(ApiKeyOptions.Key)}"]);

builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddDebateEvents(builder.Configuration);
builder.Services.AddDebateEventsTelemetry(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<ApiKeyMiddleware>();

// Start (or connect to) Kafka before serving, so a broken configuration fails at start.
var connection = app.Services.GetRequiredService<KafkaConnection>();
app.Logger.LogInformation("Kafka bootstrap servers: {BootstrapServers}", connection.BootstrapServers);

app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
app.MapPrometheusScrapingEndpoint();
app.MapGet("/topics", (IOptions<KafkaOptions> options) => DomainTopics.Names(options.Value.TopicPrefix));
app.MapEventEndpoints();
app.MapReadModelEndpoints();
app.MapOutboxEndpoints();
app.MapIntrospectionEndpoints();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
