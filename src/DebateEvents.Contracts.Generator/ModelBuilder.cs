using System;
using System.Collections.Generic;
using System.Linq;

namespace DebateEvents.Contracts.Generator;

/// <summary>Walks one .avsc file and maps its named types and fields to C# types.</summary>
internal sealed class ModelBuilder
{
    private readonly string _path;
    private readonly Dictionary<string, (string CSharpType, bool IsValueType)> _named = new(StringComparer.Ordinal);

    private ModelBuilder(string path)
    {
        _path = path;
    }

    public List<NamedTypeModel> Types { get; } = new();

    public static List<NamedTypeModel> Build(SchemaFile file)
    {
        var root = JsonNodeReader.Parse(file.Text) as Dictionary<string, object?>
            ?? throw new FormatException("The top level of an event schema must be a record object.");
        var builder = new ModelBuilder(file.Path);
        builder.Define(root, null);
        var top = builder.Types.First(t => !t.IsEnum);
        top.SchemaJson = JsonNodeWriter.Write(root);
        return builder.Types;
    }

    private (string CSharpType, bool IsValueType) TypeOf(object? schema, string? ns)
    {
        switch (schema)
        {
            case string name:
                return Primitive(name, null) ?? Lookup(name, ns);
            case List<object?> union:
                var branches = union.Where(b => !(b is string s && s == "null")).ToList();
                if (branches.Count != 1 || union.Count != 2)
                {
                    throw new FormatException("Only unions of null and one other type map to C# (as a nullable type).");
                }

                var inner = TypeOf(branches[0], ns);
                return (inner.CSharpType + "?", inner.IsValueType);
            case Dictionary<string, object?> map:
                var type = Get(map, "type") as string ?? throw new FormatException("A schema object needs a string 'type'.");
                switch (type)
                {
                    case "record":
                    case "enum":
                        return Define(map, ns);
                    case "array":
                        return ($"global::System.Collections.Generic.IReadOnlyList<{TypeOf(Get(map, "items"), ns).CSharpType}>", false);
                    case "map":
                        return ($"global::System.Collections.Generic.IReadOnlyDictionary<string, {TypeOf(Get(map, "values"), ns).CSharpType}>", false);
                    case "fixed":
                        return Get(map, "logicalType") switch
                        {
                            "uuid" => ("global::System.Guid", true),
                            "duration" => ("global::DebateEvents.Avro.AvroDuration", true),
                            "decimal" => ("decimal", true),
                            _ => ("byte[]", false),
                        };
                    default:
                        return Primitive(type, Get(map, "logicalType") as string) ?? Lookup(type, ns);
                }

            default:
                throw new FormatException("A schema must be a string, an object or an array.");
        }
    }

    private static (string, bool)? Primitive(string name, string? logical) => (name, logical) switch
    {
        ("string", "uuid") => ("global::System.Guid", true),
        ("string", _) => ("string", false),
        ("int", "date") => ("global::System.DateOnly", true),
        ("int", "time-millis") => ("global::System.TimeOnly", true),
        ("int", _) => ("int", true),
        ("long", "time-micros") => ("global::System.TimeOnly", true),
        ("long", "timestamp-millis") or ("long", "timestamp-micros") => ("global::System.DateTimeOffset", true),
        ("long", "local-timestamp-millis") or ("long", "local-timestamp-micros") => ("global::System.DateTime", true),
        ("long", _) => ("long", true),
        ("float", _) => ("float", true),
        ("double", _) => ("double", true),
        ("boolean", _) => ("bool", true),
        ("bytes", "decimal") => ("decimal", true),
        ("bytes", _) => ("byte[]", false),
        _ => null,
    };

    private (string, bool) Lookup(string name, string? ns)
    {
        var full = name.Contains('.') || string.IsNullOrEmpty(ns) ? name : ns + "." + name;
        return _named.TryGetValue(full, out var found) || _named.TryGetValue(name, out found)
            ? found
            : throw new FormatException($"Unknown type name '{name}'.");
    }

    private (string CSharpType, bool IsValueType) Define(Dictionary<string, object?> map, string? enclosingNamespace)
    {
        var rawName = Get(map, "name") as string ?? throw new FormatException("A named type needs a 'name'.");
        var dot = rawName.LastIndexOf('.');
        var ns = dot >= 0 ? rawName.Substring(0, dot) : Get(map, "namespace") as string ?? enclosingNamespace;
        var name = dot >= 0 ? rawName.Substring(dot + 1) : rawName;
        var fullName = string.IsNullOrEmpty(ns) ? name : ns + "." + name;
        var csharpNamespace = string.IsNullOrEmpty(ns) ? "DebateEvents.Contracts" : CSharpNames.Namespace(ns!);
        var isEnum = (string?)Get(map, "type") == "enum";
        var model = new NamedTypeModel(fullName, csharpNamespace, CSharpNames.Pascal(name), Get(map, "doc") as string, isEnum, JsonNodeWriter.Write(map), _path);
        var reference = ($"global::{csharpNamespace}.{model.CSharpName}", isEnum);
        _named[fullName] = reference;
        Types.Add(model);
        if (isEnum)
        {
            model.Symbols.AddRange(((Get(map, "symbols") as List<object?>) ?? throw new FormatException($"Enum '{fullName}' needs 'symbols'.")).Cast<string>());
            return reference;
        }

        foreach (var field in (Get(map, "fields") as List<object?>) ?? throw new FormatException($"Record '{fullName}' needs 'fields'."))
        {
            model.Fields.Add(Field((Dictionary<string, object?>)field!, ns));
        }

        return reference;
    }

    private FieldModel Field(Dictionary<string, object?> field, string? ns)
    {
        var name = Get(field, "name") as string ?? throw new FormatException("A field needs a 'name'.");
        var (type, isValueType) = TypeOf(Get(field, "type"), ns);
        var hasDefault = field.ContainsKey("default");
        var initializer = hasDefault ? Initializer(field["default"], type, isValueType) : null;
        var required = !hasDefault || (initializer is null && field["default"] is not null);
        return new FieldModel(name, CSharpNames.Pascal(name), type, Get(field, "doc") as string, initializer, required);
    }

    private static string? Initializer(object? value, string type, bool isValueType) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        JsonNumber n when type is "int" or "long" or "double" or "float" => n.Text + (type == "float" ? "f" : ""),
        string s when type == "string" => CSharpEmitter.Literal(s),
        string s when isValueType && type.StartsWith("global::", StringComparison.Ordinal) && !type.StartsWith("global::System.", StringComparison.Ordinal) =>
            type.TrimEnd('?') + "." + CSharpNames.Pascal(s),
        _ => null,
    };

    private static object? Get(Dictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null;
}
