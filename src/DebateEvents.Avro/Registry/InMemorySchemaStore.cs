using System.Net;
using System.Text.Json.Nodes;
using DebateEvents.Avro.Compatibility;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Registry;

/// <summary>
/// The registry's state and rules in memory: subjects with versions, registry-wide ids shared by identical schemas,
/// and compatibility levels checked with <see cref="CompatibilityChecker"/>. Backs the mock:// registry.
/// </summary>
internal sealed class InMemorySchemaStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(RegisteredSchema Registered, AvroSchema Parsed)>> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _schemasById = [];
    private readonly Dictionary<string, int> _idsByText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompatibilityLevel> _levels = new(StringComparer.Ordinal);
    private CompatibilityLevel _globalLevel = CompatibilityLevel.Backward;

    public RegisteredSchema Register(string subject, string schema)
    {
        var parsed = Parse(schema);
        lock (_gate)
        {
            var versions = _subjects.TryGetValue(subject, out var existing) ? existing : [];
            var same = versions.FirstOrDefault(v => Identity(v.Registered.Schema) == Identity(schema));
            if (same.Registered is not null)
            {
                return same.Registered;
            }

            var level = _levels.GetValueOrDefault(subject, _globalLevel);
            var problems = CompatibilityChecker.Check(parsed, versions.Select(v => v.Parsed).ToList(), level);
            if (problems.Count > 0)
            {
                throw new IncompatibleSchemaException(
                    $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\": {string.Join("; ", problems)}",
                    HttpStatusCode.Conflict,
                    SchemaRegistryErrorCodes.IncompatibleSchema);
            }

            if (!_idsByText.TryGetValue(Identity(schema), out var id))
            {
                id = _schemasById.Count + 1;
                _idsByText[Identity(schema)] = id;
                _schemasById[id] = schema;
            }

            var registered = new RegisteredSchema(subject, id, versions.Count + 1, schema);
            versions.Add((registered, parsed));
            _subjects[subject] = versions;
            return registered;
        }
    }

    public RegisteredSchema Lookup(string subject, string schema)
    {
        var parsed = Parse(schema);
        lock (_gate)
        {
            var match = Versions(subject).FirstOrDefault(v => Identity(v.Registered.Schema) == Identity(schema));
            return match.Registered ?? throw new SchemaNotFoundException("Schema not found", HttpStatusCode.NotFound, SchemaRegistryErrorCodes.SchemaNotFound);
        }
    }

    public string GetById(int id)
    {
        lock (_gate)
        {
            return _schemasById.TryGetValue(id, out var schema)
                ? schema
                : throw new SchemaNotFoundException($"Schema {id} not found", HttpStatusCode.NotFound, SchemaRegistryErrorCodes.SchemaNotFound);
        }
    }

    public RegisteredSchema Latest(string subject)
    {
        lock (_gate)
        {
            return Versions(subject)[^1].Registered;
        }
    }

    public IReadOnlyList<string> CheckCompatibility(string subject, string schema)
    {
        var parsed = Parse(schema);
        lock (_gate)
        {
            var versions = _subjects.TryGetValue(subject, out var existing) ? existing : [];
            return CompatibilityChecker.Check(parsed, versions.Select(v => v.Parsed).ToList(), _levels.GetValueOrDefault(subject, _globalLevel));
        }
    }

    public CompatibilityLevel GetLevel(string? subject)
    {
        lock (_gate)
        {
            return subject is null ? _globalLevel : _levels.GetValueOrDefault(subject, _globalLevel);
        }
    }

    public CompatibilityLevel SetLevel(CompatibilityLevel level, string? subject)
    {
        lock (_gate)
        {
            if (subject is null)
            {
                _globalLevel = level;
            }
            else
            {
                _levels[subject] = level;
            }

            return level;
        }
    }

    private List<(RegisteredSchema Registered, AvroSchema Parsed)> Versions(string subject) =>
        _subjects.TryGetValue(subject, out var versions)
            ? versions
            : throw new SubjectNotFoundException($"Subject '{subject}' not found.", HttpStatusCode.NotFound, SchemaRegistryErrorCodes.SubjectNotFound);

    // Compact JSON: formatting does not make a new schema, but defaults and logical types (which the canonical form
    // drops) do.
    private static string Identity(string schema) => JsonNode.Parse(schema)!.ToJsonString();

    private static AvroSchema Parse(string schema)
    {
        try
        {
            return AvroSchema.Parse(schema);
        }
        catch (AvroSchemaException ex)
        {
            throw new InvalidSchemaException($"Invalid schema: {ex.Message}", HttpStatusCode.UnprocessableEntity, SchemaRegistryErrorCodes.InvalidSchema);
        }
    }
}
