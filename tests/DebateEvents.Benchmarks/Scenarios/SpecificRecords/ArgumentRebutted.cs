using Avro;
using Avro.Specific;
using DebateEvents.Benchmarks.Scenarios;

namespace zamaz.debate.benchmark;

/// <summary>
/// The benchmark event as the Apache.Avro specific record avrogen would generate for its schema: the fastest path
/// Apache.Avro and Confluent's serdes offer. The namespace and name are the schema's full name, and the schema sits
/// in a public static <c>_SCHEMA</c> field, because both libraries look the class and the schema up by those names.
/// </summary>
internal sealed class ArgumentRebutted : ISpecificRecord
{
#pragma warning disable IDE1006 // Confluent's serdes read the schema from a field of exactly this name.
    public static readonly Schema _SCHEMA = Schema.Parse(AvroBenchmarkEvent.Schema.SourceText!);
#pragma warning restore IDE1006

    public Guid EventId { get; set; }

    public Guid DebateId { get; set; }

    public int Round { get; set; }

    public string Participant { get; set; } = "";

    public Stance Stance { get; set; }

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public double? Confidence { get; set; }

    public IList<string> Tags { get; set; } = [];

    public IList<Citation> CitedArguments { get; set; } = [];

    public DateTime OccurredAt { get; set; }

    public DateTime ReceivedAt { get; set; }

    public string CorrelationId { get; set; } = "";

    public string Source { get; set; } = "";

    public long Version { get; set; }

    public bool IsRebuttal { get; set; }

    public Schema Schema => _SCHEMA;

    public object Get(int fieldPos) => fieldPos switch
    {
        0 => EventId,
        1 => DebateId,
        2 => Round,
        3 => Participant,
        4 => Stance,
        5 => Title,
        6 => Content,
        7 => Confidence!,
        8 => Tags,
        9 => CitedArguments,
        10 => OccurredAt,
        11 => ReceivedAt,
        12 => CorrelationId,
        13 => Source,
        14 => Version,
        15 => IsRebuttal,
        _ => throw new AvroRuntimeException($"Bad index {fieldPos} in Get()"),
    };

    public void Put(int fieldPos, object fieldValue)
    {
        switch (fieldPos)
        {
            case 0: EventId = (Guid)fieldValue; break;
            case 1: DebateId = (Guid)fieldValue; break;
            case 2: Round = (int)fieldValue; break;
            case 3: Participant = (string)fieldValue; break;
            case 4: Stance = (Stance)fieldValue; break;
            case 5: Title = (string)fieldValue; break;
            case 6: Content = (string)fieldValue; break;
            case 7: Confidence = (double?)fieldValue; break;
            case 8: Tags = (IList<string>)fieldValue; break;
            case 9: CitedArguments = (IList<Citation>)fieldValue; break;
            case 10: OccurredAt = (DateTime)fieldValue; break;
            case 11: ReceivedAt = (DateTime)fieldValue; break;
            case 12: CorrelationId = (string)fieldValue; break;
            case 13: Source = (string)fieldValue; break;
            case 14: Version = (long)fieldValue; break;
            case 15: IsRebuttal = (bool)fieldValue; break;
            default: throw new AvroRuntimeException($"Bad index {fieldPos} in Put()");
        }
    }
}
