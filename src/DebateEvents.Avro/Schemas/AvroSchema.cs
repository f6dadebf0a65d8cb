using DebateEvents.Avro.Compatibility;

namespace DebateEvents.Avro.Schemas;

/// <summary>
/// A parsed Avro schema. Instances are immutable once parsing completes and are safe to share;
/// serializers are compiled and cached per schema instance, so reuse one instance per schema text.
/// </summary>
public abstract class AvroSchema
{
    private string? _canonicalForm;

    /// <summary>The Avro type this schema describes.</summary>
    internal abstract AvroType Type { get; }

    /// <summary>
    /// The logical type annotation (<c>uuid</c>, <c>decimal</c>, <c>timestamp-millis</c>...), or null when the
    /// schema has none or the annotation is invalid for the underlying type (the specification says to ignore it then).
    /// </summary>
    internal string? LogicalType { get; init; }

    /// <summary>The total number of digits of a <c>decimal</c> logical type; 0 otherwise.</summary>
    internal int Precision { get; init; }

    /// <summary>The number of digits after the point of a <c>decimal</c> logical type; 0 otherwise.</summary>
    internal int Scale { get; init; }

    /// <summary>The JSON text this schema was parsed from; set on the root schema only.</summary>
    public string? SourceText { get; internal set; }

    /// <summary>The Parsing Canonical Form: the text two equivalent schemas share whatever their formatting and docs.</summary>
    public string CanonicalForm => _canonicalForm ??= CanonicalFormWriter.Write(this);

    /// <summary>The CRC-64-AVRO fingerprint of the canonical form, as a signed value like the Java implementation prints it.</summary>
    public long Fingerprint => SchemaFingerprint.Crc64Avro(CanonicalForm);

    /// <summary>Parses a schema from its JSON text.</summary>
    /// <param name="json">The schema as JSON: a primitive name, an object or a union array.</param>
    /// <returns>The root schema, with <see cref="SourceText"/> set to <paramref name="json"/>.</returns>
    /// <exception cref="AvroSchemaException">The text is not valid JSON or not a valid schema.</exception>
    public static AvroSchema Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var schema = SchemaParser.Parse(json);
        schema.SourceText = json;
        return schema;
    }

    /// <summary>Checks whether data written with <paramref name="writer"/> can be read with this schema.</summary>
    /// <param name="writer">The schema the data was written with.</param>
    /// <returns>The rules broken, each naming the path and the rule; empty when this schema can read the writer's data.</returns>
    internal IReadOnlyList<SchemaIncompatibility> CanRead(AvroSchema writer) => ReaderWriterCompatibility.Check(this, writer);

    /// <inheritdoc />
    public override string ToString() => SourceText ?? CanonicalForm;
}
