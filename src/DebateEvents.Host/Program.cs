using System.Text.Json.Serialization;
using DebateEvents.Host.Configuration;
using DebateEvents.Host.Embedded;
using DebateEvents.Host.Health;
using DebateEvents.Host.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
if (Environment.GetEnvironmentVariable("KAFKA_TOPIC_PREFIX") is { Length: > 0 } prefix)
{
    builder.Configuration[$"{KafkaOptions.Section}:{nameof(KafkaOptions.TopicPrefix)}"] = prefix;
}

builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddDebateEvents(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

// Start (or connect to) Kafka before serving, so a broken configuration fails at start.
var connection = app.Services.GetRequiredService<KafkaConnection>();
app.Logger.LogInformation("Kafka bootstrap servers: {BootstrapServers}", connection.BootstrapServers);

app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
app.MapGet("/topics", (IOptions<KafkaOptions> options) => DomainTopics.Names(options.Value.TopicPrefix));
app.MapEventEndpoints();
app.MapReadModelEndpoints();
app.MapOutboxEndpoints();
app.MapKafkaTopicEndpoints();
app.MapKafkaDeadLetterEndpoints();
app.MapKafkaStatsEndpoints();
app.MapKafkaHealthEndpoints();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
