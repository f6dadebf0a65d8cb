using System.Collections.Concurrent;

namespace DebateEvents.Avro.Registry;

/// <summary>Creates the client a <see cref="SchemaRegistryOptions.Url"/> asks for: HTTP, or in-process for <c>mock://</c>.</summary>
public static class SchemaRegistryClientFactory
{
    // mock:// scopes live for the process, like Confluent's: every client of a scope must see the same registry.
    private static readonly ConcurrentDictionary<string, InMemorySchemaStore> MockScopes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a client for <paramref name="options"/>.</summary>
    /// <param name="options">The registry settings.</param>
    /// <param name="httpClient">The HTTP client to use (e.g. from <c>IHttpClientFactory</c>); ignored for mock:// URLs.</param>
    /// <returns>A <see cref="MockSchemaRegistryClient"/> for mock:// URLs, otherwise a <see cref="SchemaRegistryClient"/>.</returns>
    public static ISchemaRegistryClient Create(SchemaRegistryOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsMock)
        {
            var scope = options.Url[SchemaRegistryOptions.MockScheme.Length..].TrimEnd('/');
            return new MockSchemaRegistryClient(MockScopes.GetOrAdd(scope, static _ => new InMemorySchemaStore()));
        }

        return new SchemaRegistryClient(options, httpClient);
    }

    /// <summary>Forgets a mock:// scope, so the next client for it starts empty.</summary>
    /// <param name="scope">The part of the URL after <c>mock://</c>.</param>
    public static void DropMockScope(string scope) => MockScopes.TryRemove(scope, out _);
}
