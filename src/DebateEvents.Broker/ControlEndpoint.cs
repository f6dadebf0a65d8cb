using Confluent.Kafka;
using DebateEvents.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Broker;

/// <summary>
/// A loopback HTTP endpoint that breaks and mends the cluster on request, for outage drills and tests:
/// <c>GET /brokers</c>, <c>POST /brokers/down</c> and <c>/brokers/up</c> (all brokers),
/// <c>POST /brokers/{id}/down</c> and <c>/up</c>, <c>POST /topics/{name}?partitions=N</c>.
/// </summary>
internal sealed class ControlEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ControlEndpoint(WebApplication app)
    {
        _app = app;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public string Url { get; }

    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<ControlEndpoint> StartAsync(int port, EmbeddedKafkaCluster cluster, IReadOnlyList<string> addresses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var brokers = new BrokerStates(cluster, addresses);
        app.MapGet("/brokers", () => Results.Ok(brokers.Describe()));
        app.MapPost("/brokers/{state}", (string state) => brokers.Set(Enumerable.Range(1, cluster.Brokers), state));
        app.MapPost("/brokers/{id:int}/{state}", (int id, string state) =>
            id >= 1 && id <= cluster.Brokers ? brokers.Set([id], state) : Results.NotFound(new { error = $"No broker {id}; ids are 1 to {cluster.Brokers}" }));
        app.MapPost("/topics/{name}", (string name, int? partitions) => CreateTopic(cluster, name, partitions ?? 3));
        await app.StartAsync().ConfigureAwait(false);
        return new ControlEndpoint(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private static IResult CreateTopic(EmbeddedKafkaCluster cluster, string name, int partitions)
    {
        if (partitions is < 1 or > 1000)
        {
            return Results.BadRequest(new { error = $"partitions is {partitions}; allowed: 1 to 1000" });
        }

        try
        {
            cluster.CreateTopic(name, partitions, Math.Min(3, cluster.Brokers));
            return Results.Created($"/topics/{name}", new { name, partitions });
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.TopicAlreadyExists)
        {
            return Results.Conflict(new { error = ex.Error.Reason });
        }
    }
}
