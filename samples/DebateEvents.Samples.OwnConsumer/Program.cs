using DebateEvents.Avro.Registry;
using DebateEvents.Embedded;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Serialization;
using DebateEvents.Samples.OwnConsumer;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zamaz.Debate.Events;

// An in-process Kafka cluster and Schema Registry stand in for real ones; point Host(...) and the
// registry URL at yours instead.
using var cluster = EmbeddedKafkaCluster.Start();
await using var schemaRegistry = await EmbeddedSchemaRegistry.StartAsync();
const string topic = "zamaz-debate.debate-events";
var registry = new SchemaRegistryOptions { Url = schemaRegistry.Url, AutoRegisterSchemas = true };
var avro = new AvroBodySerializer(registry.CreateClient(), registry);
var trail = new AuditTrail(expected: 3);

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton(trail);
builder.Services.AddMassTransit(x =>
{
    x.AddRider(r =>
    {
        r.AddConsumer<DebateTracker>();
        r.AddConsumer<ArgumentAuditor>();
        r.AddProducer<ArgumentSubmitted>(topic, e => e.DebateId);
        r.UseBodySerializer(avro);
        r.UsingKafka((context, k) =>
        {
            k.Host(cluster.BootstrapServers);
            k.UseTopicProvisioner((t, _) => Task.Run(() => cluster.CreateTopic(t.Name, t.Partitions)));
            k.TopicEndpoint(topic, "debate-processors", e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 3);
                e.ConfigureConsumer<DebateTracker>(context);
            });

            // Yours: the same topic with a group of its own, so it reads every event independently of the
            // endpoints already there (its own offsets, retries and dead letters, its own pace).
            k.TopicEndpoint(topic, "argument-auditors", e => e.ConfigureConsumer<ArgumentAuditor>(context));
        });
    });
    x.UsingInMemory((context, bus) => bus.ConfigureEndpoints(context));
});

using var host = builder.Build();
await host.StartAsync();
await avro.PrepareAsync(typeof(ArgumentSubmitted), topic, CancellationToken.None);

// Events published to the topic, here straight through the rider's producer (an outbox or the host's
// POST /events would do the same).
var producer = host.Services.GetRequiredService<ITopicProducer<ArgumentSubmitted>>();
var debateId = Guid.NewGuid();
string[] participants = ["claude", "gemini", "claude"];
for (var round = 1; round <= participants.Length; round++)
{
    await producer.Produce(new ArgumentSubmitted
    {
        DebateId = debateId,
        Round = round,
        Participant = participants[round - 1],
        Position = round % 2 == 1 ? Position.For : Position.Against,
        Content = $"Argument {round}",
        OccurredAt = DateTimeOffset.UtcNow,
    });
}

await trail.Complete.WaitAsync(TimeSpan.FromSeconds(30));
await host.StopAsync();
var rounds = trail.Arguments.Where(a => a.DebateId == debateId).Select(a => a.Round).Order().ToList();
var expected = rounds.SequenceEqual([1, 2, 3]);
Console.WriteLine(expected ? "Your consumer saw every argument published to the topic" : $"Your consumer saw rounds {string.Join(", ", rounds)}");
return expected ? 0 : 1;
