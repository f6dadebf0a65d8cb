using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.Serialization;

namespace DebateEvents.Avro.Compatibility;

/// <summary>Checks, without data, whether everything one schema writes can be read by another.</summary>
internal sealed class ReaderWriterCompatibility
{
    private readonly HashSet<(AvroSchema, AvroSchema)> _visited = [];
    private readonly List<SchemaIncompatibility> _found = [];

    public static IReadOnlyList<SchemaIncompatibility> Check(AvroSchema reader, AvroSchema writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var check = new ReaderWriterCompatibility();
        check.Visit(reader, writer, "");
        return check._found;
    }

    private void Visit(AvroSchema reader, AvroSchema writer, string path)
    {
        // Recursive schemas: a pair already under comparison is assumed compatible, and its problems reported once.
        if (!_visited.Add((reader, writer)))
        {
            return;
        }

        if (writer is UnionSchema writerUnion)
        {
            foreach (var branch in writerUnion.Branches)
            {
                VisitNonUnionWriter(reader, branch, path);
            }

            return;
        }

        VisitNonUnionWriter(reader, writer, path);
    }

    private void VisitNonUnionWriter(AvroSchema reader, AvroSchema writer, string path)
    {
        if (reader is UnionSchema readerUnion)
        {
            var branch = SchemaMatching.FindBranch(writer, readerUnion);
            if (branch is null)
            {
                Add(path, CompatibilityRule.MissingUnionBranch, $"the writer's {Describe(writer)} matches no branch of the reader's union {reader.CanonicalForm}");
                return;
            }

            Visit(branch, writer, path);
            return;
        }

        if (!SchemaMatching.Matches(writer, reader))
        {
            var rule = (writer, reader) switch
            {
                (FixedSchema w, FixedSchema r) when w.Size != r.Size => CompatibilityRule.FixedSizeMismatch,
                (NamedSchema w, NamedSchema r) when w.Type == r.Type => CompatibilityRule.NameMismatch,
                _ => CompatibilityRule.TypeMismatch,
            };
            Add(path, rule, $"the writer's {Describe(writer)} cannot be read as the reader's {Describe(reader)}");
            return;
        }

        switch ((reader, writer))
        {
            case (RecordSchema r, RecordSchema w):
                VisitRecord(r, w, path + "/" + r.Name);
                break;
            case (EnumSchema r, EnumSchema w) when r.Default is null:
                var missing = w.Symbols.Where(s => r.IndexOf(s) < 0).ToList();
                if (missing.Count > 0)
                {
                    Add(path, CompatibilityRule.MissingEnumSymbols, $"enum '{r.FullName}' lacks the writer's symbols {string.Join(", ", missing)} and has no default");
                }

                break;
            case (ArraySchema r, ArraySchema w):
                Visit(r.Items, w.Items, path + "[]");
                break;
            case (MapSchema r, MapSchema w):
                Visit(r.Values, w.Values, path + "{}");
                break;
        }
    }

    private void VisitRecord(RecordSchema reader, RecordSchema writer, string path)
    {
        foreach (var field in reader.Fields)
        {
            var writerField = writer.GetField(field.Name) ?? field.Aliases.Select(writer.GetField).FirstOrDefault(f => f is not null);
            if (writerField is not null)
            {
                Visit(field.Schema, writerField.Schema, path + "/" + field.Name);
            }
            else if (!field.HasDefault)
            {
                Add(path + "/" + field.Name, CompatibilityRule.ReaderFieldMissingDefault,
                    $"field '{field.Name}' is not in the writer's record '{writer.FullName}' and has no default");
            }
        }
    }

    private static string Describe(AvroSchema schema) => schema is NamedSchema named
        ? $"{schema.Type.ToString().ToLowerInvariant()} '{named.FullName}'"
        : schema.CanonicalForm;

    private void Add(string path, CompatibilityRule rule, string detail) => _found.Add(new SchemaIncompatibility(path.Length == 0 ? "/" : path, rule, detail));
}
