namespace DebateEvents.Avro.Schemas;

/// <summary>An array schema; items all share <see cref="Items"/>.</summary>
internal sealed class ArraySchema : AvroSchema
{
    internal ArraySchema(AvroSchema items)
    {
        Items = items;
    }

    /// <inheritdoc />
    internal override AvroType Type => AvroType.Array;

    /// <summary>The schema of every item.</summary>
    public AvroSchema Items { get; }
}
