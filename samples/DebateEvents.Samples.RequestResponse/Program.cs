using DebateEvents.Avro.Registry;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Serialization;
using DebateEvents.Samples.RequestResponse;
using DebateEvents.Embedded;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zamaz.Debate.Events;

// An in-process Kafka cluster and Schema Registry stand in for real ones; point Host(...) and the
// registry URL at yours instead.
using var cluster = EmbeddedKafkaCluster.Start();
await using var schemaRegistry = await EmbeddedSchemaRegistry.StartAsync();
const string requests = "zamaz-debate.request.analyze.v1";
const string responses = "zamaz-debate.response.analyze.v1";
cluster.CreateTopic(responses, 3);   // read by every requester from its end: it must exist before the first request
var registry = new SchemaRegistryOptions { Url = schemaRegistry.Url, AutoRegisterSchemas = true };
var avro = new AvroBodySerializer(registry.CreateClient(), registry);
var board = new ScoreBoard();
var debateId = Guid.NewGuid();
board.Add(debateId, "claude", Position.For);
board.Add(debateId, "gemini", Position.Against);
board.Add(debateId, "claude", Position.For);

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton(board);
builder.Services.AddMassTransit(x =>
{
    x.AddRider(r =>
    {
        r.AddConsumer<AnalysisResponder>();
        r.AddKafkaRequestClient<AnalyzeDebate, DebateAnalysis>(requests, responses, a => a.DebateId);
        r.UseBodySerializer(avro);
        r.UsingKafka((context, k) =>
        {
            k.Host(cluster.BootstrapServers);
            k.UseTopicProvisioner((t, _) => Task.Run(() => cluster.CreateTopic(t.Name, t.Partitions)));
            k.TopicEndpoint(requests, "analysis-handlers", e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 3);
                e.ConfigureConsumer<AnalysisResponder>(context);
            });
        });
    });
    x.UsingInMemory((context, bus) => bus.ConfigureEndpoints(context));
});

using var host = builder.Build();
await host.StartAsync();

// The request goes to the request topic with a request id and reply-to header; the answer comes back on the response topic.
var client = host.Services.GetRequiredService<IKafkaRequestClient<AnalyzeDebate>>();
var analysis = await client.GetResponse<DebateAnalysis>(new AnalyzeDebate { DebateId = debateId, RequestedAt = DateTimeOffset.UtcNow },
    TimeSpan.FromSeconds(30));
Console.WriteLine($"Debate {analysis.DebateId}: {analysis.ArgumentsPerPosition["FOR"]} for, {analysis.ArgumentsPerPosition["AGAINST"]} against, "
    + $"leader {analysis.CurrentLeader}, claude argued {analysis.ArgumentsPerParticipant["claude"]} times");
await host.StopAsync();

var expected = analysis.DebateId == debateId && analysis.ArgumentsPerPosition["FOR"] == 2 && analysis.ArgumentsPerPosition["AGAINST"] == 1
    && analysis.ArgumentsPerParticipant["claude"] == 2 && analysis.CurrentLeader == Position.For;
Console.WriteLine(expected ? "Request/response over Kafka complete" : "The analysis is not what the handler should have answered");
return expected ? 0 : 1;
