using DebateEvents.Avro.Registry;
using DebateEvents.Embedded;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Serialization;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Samples.Mediator;
using MassTransit;
using MassTransit.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zamaz.Debate.Events;

// An in-process Kafka cluster and Schema Registry stand in for real ones; point Host(...) and the
// registry URL at yours instead.
using var cluster = EmbeddedKafkaCluster.Start();
await using var schemaRegistry = await EmbeddedSchemaRegistry.StartAsync();
const string topic = "zamaz-debate.debate-events";
var database = Path.Combine(Path.GetTempPath(), $"mediator-{Guid.NewGuid():N}.db");
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

// The mediator's publish pipe gets the same outbox filter as a bus: what it publishes becomes an outbox row.
builder.Services.AddMediator(m => m.ConfigureMediator((context, cfg) => cfg.UseDebateEventsOutbox(context)));

// The bus only hosts the Kafka rider here: its producer gives the event's route, its topic endpoint consumes.
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
            k.TopicEndpoint(topic, "mediator-sample", e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 3);
                e.ConfigureConsumer<DebateStartedPrinter>(context);
            });
        });
    });
    x.UsingInMemory((context, bus) => bus.ConfigureEndpoints(context));
});

using var host = builder.Build();
await host.StartAsync();

// One unit of work. IScopedMediator carries the scope, so the row joins this scope's DbContext and commits with
// the debate; the singleton IMediator has no scope and would commit its row on its own, at Publish.
var debate = new Debate { Id = Guid.NewGuid(), Question = "Should the mediator feed Kafka?" };
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
    var mediator = scope.ServiceProvider.GetRequiredService<IScopedMediator>();
    db.Debates.Add(debate);
    await mediator.Publish(new DebateInitiated
    {
        DebateId = debate.Id,
        Question = debate.Question,
        Participants = ["claude", "gemini"],
        RoundsPlanned = 3,
        InitiatedBy = "mediator",
        OccurredAt = DateTimeOffset.UtcNow,
    });
    await db.SaveChangesAsync();
    Console.WriteLine($"Committed debate {debate.Id} and its event to the outbox");
}

var consumed = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
await host.StopAsync();
File.Delete(database);
Console.WriteLine(consumed.DebateId == debate.Id ? "Round trip from the mediator through Kafka complete" : "Kafka delivered another debate");
return consumed.DebateId == debate.Id ? 0 : 1;
