using System.Text.Json;

namespace DebateEvents.Avro.Schemas;

/// <summary>Builds the schema model from JSON, resolving names and namespaces as the specification prescribes.</summary>
internal sealed class SchemaParser
{
    private readonly Dictionary<string, NamedSchema> _named = new(StringComparer.Ordinal);
    private readonly List<RecordField> _fieldsWithDefaults = [];

    public static AvroSchema Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new AvroSchemaException($"Schema is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var parser = new SchemaParser();
            var schema = parser.ParseElement(document.RootElement.Clone(), enclosingNamespace: null);
            foreach (var field in parser._fieldsWithDefaults)
            {
                DefaultValueValidator.Validate(field);
            }

            return schema;
        }
    }

    private AvroSchema ParseElement(JsonElement element, string? enclosingNamespace) => element.ValueKind switch
    {
        JsonValueKind.String => ResolveName(element.GetString()!, enclosingNamespace),
        JsonValueKind.Array => ParseUnion(element, enclosingNamespace),
        JsonValueKind.Object => ParseObject(element, enclosingNamespace),
        _ => throw new AvroSchemaException($"A schema must be a string, an object or an array, not {element.ValueKind}."),
    };

    private AvroSchema ResolveName(string name, string? enclosingNamespace)
    {
        if (PrimitiveSchema.TryGetType(name, out var type))
        {
            return new PrimitiveSchema(type);
        }

        var qualified = SchemaName.Resolve(name, null, enclosingNamespace).FullName;
        if (_named.TryGetValue(qualified, out var named) || _named.TryGetValue(name, out named))
        {
            return named;
        }

        throw new AvroSchemaException($"Unknown type name '{name}' (looked up as '{qualified}').");
    }

    private UnionSchema ParseUnion(JsonElement element, string? enclosingNamespace)
    {
        var branches = new List<AvroSchema>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in element.EnumerateArray())
        {
            var branch = ParseElement(item, enclosingNamespace);
            if (branch.Type == AvroType.Union)
            {
                throw new AvroSchemaException("A union may not directly contain another union.");
            }

            var key = branch is NamedSchema named ? named.FullName : branch.Type.ToString();
            if (!seen.Add(key))
            {
                throw new AvroSchemaException($"A union may not contain '{key}' twice.");
            }

            branches.Add(branch);
        }

        return new UnionSchema(branches);
    }

    private AvroSchema ParseObject(JsonElement element, string? enclosingNamespace)
    {
        if (!element.TryGetProperty("type", out var typeElement))
        {
            throw new AvroSchemaException("A schema object needs a 'type' attribute.");
        }

        if (typeElement.ValueKind != JsonValueKind.String)
        {
            return ParseElement(typeElement, enclosingNamespace);
        }

        var typeName = typeElement.GetString()!;
        if (PrimitiveSchema.TryGetType(typeName, out var primitive))
        {
            return LogicalTypes.Annotate(new PrimitiveSchema(primitive), element);
        }

        return typeName switch
        {
            "record" or "error" => ParseRecord(element, enclosingNamespace, typeName == "error"),
            "enum" => Register(ParseEnum(element, enclosingNamespace)),
            "fixed" => Register(ParseFixed(element, enclosingNamespace)),
            "array" => new ArraySchema(ParseElement(SchemaAttributes.Required(element, "items", "array"), enclosingNamespace)),
            "map" => new MapSchema(ParseElement(SchemaAttributes.Required(element, "values", "map"), enclosingNamespace)),
            _ => ResolveName(typeName, enclosingNamespace),
        };
    }

    private RecordSchema ParseRecord(JsonElement element, string? enclosingNamespace, bool isError)
    {
        var name = SchemaAttributes.ReadName(element, enclosingNamespace, "record");
        var record = Register(new RecordSchema(name, SchemaAttributes.ReadAliases(element, name.Namespace), SchemaAttributes.ReadDoc(element), isError));
        var fieldsElement = SchemaAttributes.Required(element, "fields", $"record '{name.FullName}'");
        if (fieldsElement.ValueKind != JsonValueKind.Array)
        {
            throw new AvroSchemaException($"Record '{name.FullName}': 'fields' must be an array.");
        }

        var fields = new List<RecordField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fieldElement in fieldsElement.EnumerateArray())
        {
            var fieldName = SchemaAttributes.RequiredString(fieldElement, "name", $"a field of record '{name.FullName}'");
            SchemaNames.ValidateIdentifier(fieldName, $"field of record '{name.FullName}'");
            if (!names.Add(fieldName))
            {
                throw new AvroSchemaException($"Record '{name.FullName}' declares field '{fieldName}' twice.");
            }

            var fieldSchema = ParseElement(SchemaAttributes.Required(fieldElement, "type", $"field '{fieldName}'"), name.Namespace);
            JsonElement? defaultValue = fieldElement.TryGetProperty("default", out var d) ? d : null;
            var field = new RecordField(fieldName, fieldSchema, fields.Count, defaultValue, SchemaAttributes.ReadStrings(fieldElement, "aliases"), SchemaAttributes.ReadDoc(fieldElement));
            fields.Add(field);
            if (field.HasDefault)
            {
                _fieldsWithDefaults.Add(field);
            }
        }

        record.SetFields(fields);
        return record;
    }

    private static EnumSchema ParseEnum(JsonElement element, string? enclosingNamespace)
    {
        var name = SchemaAttributes.ReadName(element, enclosingNamespace, "enum");
        if (!element.TryGetProperty("symbols", out _))
        {
            throw new AvroSchemaException($"Enum '{name.FullName}' needs 'symbols'.");
        }

        var symbols = SchemaAttributes.ReadStrings(element, "symbols");
        if (symbols.Distinct(StringComparer.Ordinal).Count() != symbols.Count)
        {
            throw new AvroSchemaException($"Enum '{name.FullName}' declares a symbol twice.");
        }

        foreach (var symbol in symbols)
        {
            SchemaNames.ValidateIdentifier(symbol, $"symbol of enum '{name.FullName}'");
        }

        string? defaultSymbol = element.TryGetProperty("default", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (defaultSymbol is not null && !symbols.Contains(defaultSymbol))
        {
            throw new AvroSchemaException($"Enum '{name.FullName}': default '{defaultSymbol}' is not one of its symbols.");
        }

        return new EnumSchema(name, SchemaAttributes.ReadAliases(element, name.Namespace), SchemaAttributes.ReadDoc(element), symbols, defaultSymbol);
    }

    private static AvroSchema ParseFixed(JsonElement element, string? enclosingNamespace)
    {
        var name = SchemaAttributes.ReadName(element, enclosingNamespace, "fixed");
        var sizeElement = SchemaAttributes.Required(element, "size", $"fixed '{name.FullName}'");
        if (sizeElement.ValueKind != JsonValueKind.Number || !sizeElement.TryGetInt32(out var size) || size < 0)
        {
            throw new AvroSchemaException($"Fixed '{name.FullName}': 'size' must be a non-negative integer.");
        }

        var schema = new FixedSchema(name, SchemaAttributes.ReadAliases(element, name.Namespace), SchemaAttributes.ReadDoc(element), size);
        return LogicalTypes.Annotate(schema, element);
    }

    private T Register<T>(T schema)
        where T : AvroSchema
    {
        var named = (NamedSchema)(AvroSchema)schema;
        if (!_named.TryAdd(named.FullName, named))
        {
            throw new AvroSchemaException($"Type '{named.FullName}' is defined twice.");
        }

        return schema;
    }
}
