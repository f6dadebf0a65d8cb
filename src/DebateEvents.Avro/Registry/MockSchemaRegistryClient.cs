using DebateEvents.Avro.Compatibility;

namespace DebateEvents.Avro.Registry;

/// <summary>
/// An in-process registry for tests and the host's embedded mode, selected by a <c>mock://scope</c> URL. Clients
/// created for the same scope share one store, as Confluent's mock registries do; the same compatibility rules apply.
/// </summary>
public sealed class MockSchemaRegistryClient : ISchemaRegistryClient
{
    private readonly InMemorySchemaStore _store;

    internal MockSchemaRegistryClient(InMemorySchemaStore store)
    {
        _store = store;
    }

    /// <inheritdoc />
    public Task<int> RegisterSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default) =>
        Run(() => _store.Register(subject, schema).Id, cancellationToken);

    /// <inheritdoc />
    public Task<RegisteredSchema> LookupSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default) =>
        Run(() => _store.Lookup(subject, schema), cancellationToken);

    /// <inheritdoc />
    public Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default) =>
        Run(() => _store.GetById(id), cancellationToken);

    /// <inheritdoc />
    public Task<RegisteredSchema> GetLatestSchemaAsync(string subject, CancellationToken cancellationToken = default) =>
        Run(() => _store.Latest(subject), cancellationToken);

    /// <inheritdoc />
    public Task<bool> IsCompatibleAsync(string subject, string schema, CancellationToken cancellationToken = default) =>
        Run(() => _store.CheckCompatibility(subject, schema).Count == 0, cancellationToken);

    /// <inheritdoc />
    public Task<CompatibilityLevel> GetCompatibilityAsync(string? subject = null, CancellationToken cancellationToken = default) =>
        Run(() => _store.GetLevel(subject), cancellationToken);

    /// <inheritdoc />
    public Task<CompatibilityLevel> SetCompatibilityAsync(CompatibilityLevel level, string? subject = null, CancellationToken cancellationToken = default) =>
        Run(() => _store.SetLevel(level, subject), cancellationToken);

    private static Task<T> Run<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(operation());
    }
}
