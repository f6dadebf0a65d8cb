namespace DebateEvents.Avro.Schemas;

/// <summary>A map schema: string keys to values that all share <see cref="Values"/>.</summary>
internal sealed class MapSchema : AvroSchema
{
    internal MapSchema(AvroSchema values)
    {
        Values = values;
    }

    /// <inheritdoc />
    internal override AvroType Type => AvroType.Map;

    /// <summary>The schema of every value.</summary>
    public AvroSchema Values { get; }
}
