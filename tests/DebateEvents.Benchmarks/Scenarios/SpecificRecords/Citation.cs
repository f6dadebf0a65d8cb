using Avro;
using Avro.Specific;

namespace zamaz.debate.benchmark;

/// <summary>The benchmark schema's <c>Citation</c> record as an Apache.Avro specific record. Its namespace and name are
/// the schema's full name because Apache.Avro finds the class for a nested record by that name.</summary>
internal sealed class Citation : ISpecificRecord
{
    // Citation has no schema text of its own; it is the item type of ArgumentRebutted.cited_arguments.
    private static readonly Schema CitationSchema =
        ((ArraySchema)((RecordSchema)ArgumentRebutted._SCHEMA)["cited_arguments"].Schema).ItemSchema;

    public Guid ArgumentId { get; set; }

    public string Participant { get; set; } = "";

    public double Weight { get; set; }

    public Schema Schema => CitationSchema;

    public object Get(int fieldPos) => fieldPos switch
    {
        0 => ArgumentId,
        1 => Participant,
        2 => Weight,
        _ => throw new AvroRuntimeException($"Bad index {fieldPos} in Get()"),
    };

    public void Put(int fieldPos, object fieldValue)
    {
        switch (fieldPos)
        {
            case 0: ArgumentId = (Guid)fieldValue; break;
            case 1: Participant = (string)fieldValue; break;
            case 2: Weight = (double)fieldValue; break;
            default: throw new AvroRuntimeException($"Bad index {fieldPos} in Put()");
        }
    }
}
