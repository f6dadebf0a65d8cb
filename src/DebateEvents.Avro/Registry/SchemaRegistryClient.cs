using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DebateEvents.Avro.Compatibility;

namespace DebateEvents.Avro.Registry;

/// <summary>
/// A client of the Confluent schema registry REST API (as served by Confluent and Redpanda on port 8081). Schemas
/// are cached by id and ids by subject and schema, so steady-state produce and consume make no HTTP calls.
/// </summary>
public sealed class SchemaRegistryClient : ISchemaRegistryClient, IDisposable
{
    private readonly SchemaRegistryTransport _transport;
    private readonly ConcurrentDictionary<int, string> _schemasById = new();
    private readonly ConcurrentDictionary<(string Subject, string Schema), int> _idsBySubject = new();

    /// <summary>Creates a client for <see cref="SchemaRegistryOptions.Url"/>.</summary>
    /// <param name="options">The registry settings.</param>
    /// <param name="httpClient">An HTTP client to use; when null the client creates and disposes its own.</param>
    public SchemaRegistryClient(SchemaRegistryOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transport = new SchemaRegistryTransport(options, httpClient);
    }

    /// <inheritdoc />
    public async Task<int> RegisterSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default)
    {
        if (_idsBySubject.TryGetValue((subject, schema), out var cached))
        {
            return cached;
        }

        var response = await _transport.SendAsync(HttpMethod.Post, $"subjects/{Escape(subject)}/versions", SchemaBody(schema), cancellationToken);
        var id = response.GetProperty("id").GetInt32();
        _idsBySubject[(subject, schema)] = id;
        _schemasById.TryAdd(id, schema);
        return id;
    }

    /// <inheritdoc />
    public async Task<RegisteredSchema> LookupSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync(HttpMethod.Post, $"subjects/{Escape(subject)}", SchemaBody(schema), cancellationToken);
        var registered = ReadRegistered(response, subject);
        _idsBySubject[(subject, schema)] = registered.Id;
        return registered;
    }

    /// <inheritdoc />
    public async Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default)
    {
        if (_schemasById.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var response = await _transport.SendAsync(HttpMethod.Get, $"schemas/ids/{id.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken);
        return _schemasById.GetOrAdd(id, response.GetProperty("schema").GetString()!);
    }

    /// <inheritdoc />
    public async Task<RegisteredSchema> GetLatestSchemaAsync(string subject, CancellationToken cancellationToken = default)
    {
        // Not cached: "latest" changes whenever someone registers a new version.
        var response = await _transport.SendAsync(HttpMethod.Get, $"subjects/{Escape(subject)}/versions/latest", null, cancellationToken);
        return ReadRegistered(response, subject);
    }

    /// <inheritdoc />
    public async Task<bool> IsCompatibleAsync(string subject, string schema, CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync(HttpMethod.Post, $"compatibility/subjects/{Escape(subject)}/versions/latest", SchemaBody(schema), cancellationToken);
        return response.GetProperty("is_compatible").GetBoolean();
    }

    /// <inheritdoc />
    public async Task<CompatibilityLevel> GetCompatibilityAsync(string? subject = null, CancellationToken cancellationToken = default)
    {
        var path = subject is null ? "config" : $"config/{Escape(subject)}?defaultToGlobal=true";
        var response = await _transport.SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return ParseLevel(response.GetProperty("compatibilityLevel").GetString());
    }

    /// <inheritdoc />
    public async Task<CompatibilityLevel> SetCompatibilityAsync(CompatibilityLevel level, string? subject = null, CancellationToken cancellationToken = default)
    {
        var path = subject is null ? "config" : $"config/{Escape(subject)}";
        var body = new JsonObject { ["compatibility"] = level.ToWireName() };
        var response = await _transport.SendAsync(HttpMethod.Put, path, body, cancellationToken);
        return ParseLevel(response.GetProperty("compatibility").GetString());
    }

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();

    private static JsonObject SchemaBody(string schema) => new() { ["schema"] = schema };

    private static string Escape(string subject) => Uri.EscapeDataString(subject);

    private static RegisteredSchema ReadRegistered(JsonElement response, string subject) => new(
        response.TryGetProperty("subject", out var s) ? s.GetString()! : subject,
        response.GetProperty("id").GetInt32(),
        response.GetProperty("version").GetInt32(),
        response.GetProperty("schema").GetString()!);

    private static CompatibilityLevel ParseLevel(string? name) => CompatibilityLevels.TryParse(name, out var level)
        ? level
        : throw new SchemaRegistryException($"The registry returned an unknown compatibility level '{name}'.", null, 0);
}
