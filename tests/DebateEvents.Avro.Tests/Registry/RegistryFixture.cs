using Confluent.SchemaRegistry;
using DebateEvents.Embedded;

namespace DebateEvents.Avro.Tests.Registry;

/// <summary>An embedded Schema Registry of the test's own, with Confluent's client pointed at it.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private EmbeddedSchemaRegistry? _registry;

    public string Url => _registry!.Url;

    public async Task InitializeAsync() => _registry = await EmbeddedSchemaRegistry.StartAsync();

    public async Task DisposeAsync() => await _registry!.DisposeAsync();

    public CachedSchemaRegistryClient Client() => new(new SchemaRegistryConfig { Url = Url });
}
