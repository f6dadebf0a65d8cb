using DebateEvents.Avro.Registry;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Serialization;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Samples.QuickStart;
using DebateEvents.Embedded;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zamaz.Debate.Events;

// An in-process Kafka cluster and Schema Registry stand in for real ones; point Host(...) and the
// registry URL at yours instead.
using var cluster = EmbeddedKafkaCluster.Start();
await using var schemaRegistry = await EmbeddedSchemaRegistry.StartAsync();
const string topic = "zamaz-debate.debate-events";
var database = Path.Combine(Path.GetTempPath(), $"quickstart-{Guid.NewGuid():N}.db");
var registry = new SchemaRegistryOptions { Url = schemaRegistry.Url, AutoRegisterSchemas = true };
var avro = new AvroBodySerializer(registry.CreateClient(), registry);
var received = new TaskCompletionSource<DebateInitiated>();

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton(received);
builder.Services.AddDbContext<SampleDbContext>(o => o.UseSqlite($"Data Source={database}"));
builder.Services.AddDebateEventsOutbox<SampleDbContext>(o =>
{
    o.UseSqlite();
    o.BootstrapServers = cluster.BootstrapServers;
});
builder.Services.AddMassTransit(x =>
{
    x.AddRider(r =>
    {
        r.AddConsumer<DebateStartedPrinter>();
        r.AddProducer<DebateInitiated>(topic, e => e.DebateId);
        r.UseBodySerializer(avro);
        r.UsingKafka((context, k) =>
        {
            k.Host(cluster.BootstrapServers);
            k.UseTopicProvisioner((t, _) => Task.Run(() => cluster.CreateTopic(t.Name, t.Partitions)));
            k.TopicEndpoint(topic, "quickstart", e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 3);
                e.ConfigureConsumer<DebateStartedPrinter>(context, c => c.UseDebateEventsInbox());
            });
        });
    });
    x.UsingInMemory((context, bus) =>
    {
        bus.UseDebateEventsOutbox(context);
        bus.ConfigureEndpoints(context);
    });
});

using var host = builder.Build();
await host.StartAsync();
await avro.PrepareAsync(typeof(DebateInitiated), topic, CancellationToken.None);

// One unit of work: the state change and the event commit together, or not at all.
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
    var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
    var debate = new Debate { Id = Guid.NewGuid(), Question = "Should we adopt event sourcing?" };
    db.Debates.Add(debate);
    await publisher.Publish(new DebateInitiated
    {
        DebateId = debate.Id,
        Question = debate.Question,
        Participants = ["claude", "gemini"],
        RoundsPlanned = 3,
        InitiatedBy = "quickstart",
        OccurredAt = DateTimeOffset.UtcNow,
    });
    await db.SaveChangesAsync();
    Console.WriteLine($"Committed debate {debate.Id} and its event to the outbox");
}

var consumed = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
Console.WriteLine($"Round trip complete for {consumed.DebateId}");
await host.StopAsync();
File.Delete(database);
