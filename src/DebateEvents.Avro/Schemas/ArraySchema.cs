namespace DebateEvents.Avro.Schemas;

/// <summary>An array schema; items all share <see cref="Items"/>.</summary>
public sealed class ArraySchema : AvroSchema
{
    internal ArraySchema(AvroSchema items)
    {
        Items = items;
    }

    /// <inheritdoc />
    public override AvroType Type => AvroType.Array;

    /// <summary>The schema of every item.</summary>
    public AvroSchema Items { get; }
}
