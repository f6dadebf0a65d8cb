namespace DebateEvents.Avro.Schemas;

/// <summary>A map schema: string keys to values that all share <see cref="Values"/>.</summary>
public sealed class MapSchema : AvroSchema
{
    internal MapSchema(AvroSchema values)
    {
        Values = values;
    }

    /// <inheritdoc />
    public override AvroType Type => AvroType.Map;

    /// <summary>The schema of every value.</summary>
    public AvroSchema Values { get; }
}
