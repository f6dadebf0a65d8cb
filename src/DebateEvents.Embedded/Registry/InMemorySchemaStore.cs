using DebateEvents.Avro.Compatibility;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Embedded.Registry;

/// <summary>
/// The embedded registry's state and rules: subjects with versions, registry-wide ids shared by schemas with the
/// same <see cref="SchemaIdentity"/>, and compatibility levels enforced with <see cref="CompatibilityChecker"/>.
/// </summary>
internal sealed class InMemorySchemaStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<StoredVersion>> _subjects = new(StringComparer.Ordinal);
    private readonly List<string> _schemasById = [];
    private readonly Dictionary<string, int> _idsByIdentity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompatibilityLevel> _levels = new(StringComparer.Ordinal);
    private CompatibilityLevel _globalLevel = CompatibilityLevel.Backward;

    public StoredVersion Register(string subject, string schema)
    {
        var parsed = Parse(schema);
        var identity = SchemaIdentity.Of(schema);
        lock (_gate)
        {
            var versions = _subjects.TryGetValue(subject, out var existing) ? existing : [];
            var same = versions.Find(v => v.Identity == identity);
            if (same is not null)
            {
                return same;
            }

            var problems = CompatibilityChecker.Check(parsed, versions.Select(v => v.Parsed).ToList(), LevelOf(subject));
            if (problems.Count > 0)
            {
                throw RegistryRejection.Incompatible(subject, problems);
            }

            if (!_idsByIdentity.TryGetValue(identity, out var id))
            {
                _schemasById.Add(schema);
                id = _schemasById.Count;
                _idsByIdentity[identity] = id;
            }

            var stored = new StoredVersion(subject, id, versions.Count + 1, _schemasById[id - 1], identity, parsed);
            versions.Add(stored);
            _subjects[subject] = versions;
            return stored;
        }
    }

    public StoredVersion Lookup(string subject, string schema)
    {
        Parse(schema);
        var identity = SchemaIdentity.Of(schema);
        lock (_gate)
        {
            return Versions(subject).Find(v => v.Identity == identity) ?? throw RegistryRejection.SchemaNotFound("in subject " + subject);
        }
    }

    public string GetById(int id)
    {
        lock (_gate)
        {
            return id >= 1 && id <= _schemasById.Count ? _schemasById[id - 1] : throw RegistryRejection.SchemaNotFound(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public StoredVersion GetVersion(string subject, string version)
    {
        lock (_gate)
        {
            var versions = Versions(subject);
            if (version == "latest" || version == "-1")
            {
                return versions[^1];
            }

            return int.TryParse(version, out var number) && number >= 1 && number <= versions.Count
                ? versions[number - 1]
                : throw RegistryRejection.VersionNotFound(version);
        }
    }

    public IReadOnlyList<string> Subjects()
    {
        lock (_gate)
        {
            return _subjects.Keys.Order(StringComparer.Ordinal).ToList();
        }
    }

    public IReadOnlyList<int> VersionNumbers(string subject)
    {
        lock (_gate)
        {
            return Versions(subject).Select(v => v.Version).ToList();
        }
    }

    public IReadOnlyList<string> CheckCompatibility(string subject, string schema, string version)
    {
        var parsed = Parse(schema);
        lock (_gate)
        {
            var against = version is "latest" or "-1"
                ? (_subjects.TryGetValue(subject, out var versions) ? versions : [])
                : [GetVersion(subject, version)];
            var level = LevelOf(subject);
            return CompatibilityChecker.Check(parsed, against.Select(v => v.Parsed).ToList(), level);
        }
    }

    public CompatibilityLevel GetLevel(string? subject)
    {
        lock (_gate)
        {
            return subject is null ? _globalLevel : LevelOf(subject);
        }
    }

    public void SetLevel(CompatibilityLevel level, string? subject)
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
        }
    }

    private CompatibilityLevel LevelOf(string subject) => _levels.GetValueOrDefault(subject, _globalLevel);

    private List<StoredVersion> Versions(string subject) =>
        _subjects.TryGetValue(subject, out var versions) ? versions : throw RegistryRejection.SubjectNotFound(subject);

    private static AvroSchema Parse(string schema)
    {
        try
        {
            return AvroSchema.Parse(schema);
        }
        catch (Exception ex) when (ex is AvroSchemaException or System.Text.Json.JsonException)
        {
            throw RegistryRejection.InvalidSchema(ex.Message);
        }
    }
}
