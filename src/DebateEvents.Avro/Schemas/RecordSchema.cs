namespace DebateEvents.Avro.Schemas;

/// <summary>A record schema: named fields written one after another in declaration order.</summary>
internal sealed class RecordSchema : NamedSchema
{
    private IReadOnlyList<RecordField> _fields = [];
    private Dictionary<string, RecordField> _fieldsByName = [];

    internal RecordSchema(SchemaName name, IReadOnlyList<string> aliases, string? doc, bool isError)
        : base(name, aliases, doc)
    {
        IsError = isError;
    }

    /// <inheritdoc />
    internal override AvroType Type => AvroType.Record;

    /// <summary>Whether the schema was declared as an <c>error</c> (a record used by Avro RPC).</summary>
    public bool IsError { get; }

    /// <summary>The fields in the order they are written.</summary>
    public IReadOnlyList<RecordField> Fields => _fields;

    /// <summary>Finds a field by its exact name.</summary>
    /// <param name="name">The field name as written in the schema.</param>
    /// <returns>The field, or null when the record has none by that name.</returns>
    public RecordField? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    /// <summary>Finds the field that reads a writer field: by name first, then by the reader field's aliases.</summary>
    internal RecordField? FindReaderFieldFor(string writerFieldName)
    {
        if (_fieldsByName.TryGetValue(writerFieldName, out var field))
        {
            return field;
        }

        return _fields.FirstOrDefault(f => f.Aliases.Contains(writerFieldName));
    }

    // Fields are set after construction so that a field can refer to its own record (recursive schemas).
    internal void SetFields(IReadOnlyList<RecordField> fields)
    {
        _fields = fields;
        _fieldsByName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }
}
