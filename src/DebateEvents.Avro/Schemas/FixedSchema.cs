namespace DebateEvents.Avro.Schemas;

/// <summary>A fixed schema: exactly <see cref="Size"/> bytes with no length prefix.</summary>
internal sealed class FixedSchema : NamedSchema
{
    internal FixedSchema(SchemaName name, IReadOnlyList<string> aliases, string? doc, int size)
        : base(name, aliases, doc)
    {
        Size = size;
    }

    /// <inheritdoc />
    internal override AvroType Type => AvroType.Fixed;

    /// <summary>The number of bytes every value has.</summary>
    public int Size { get; }
}
