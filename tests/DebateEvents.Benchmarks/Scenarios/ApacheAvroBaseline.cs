using Avro.IO;
using Avro.Specific;
using zamaz.debate.benchmark;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Apache.Avro at its fastest: a specific record with the pre-resolving <see cref="SpecificDatumWriter{T}"/> and
/// <see cref="SpecificDatumReader{T}"/>, and one encoder and one decoder over streams reused for every call. Each read
/// builds a new record, as our deserializer builds a new event.
/// </summary>
internal sealed class ApacheAvroBaseline : IDisposable
{
    private readonly ArgumentRebutted _record;
    private readonly SpecificDatumWriter<ArgumentRebutted> _writer = new(ArgumentRebutted._SCHEMA);
    private readonly SpecificDatumReader<ArgumentRebutted> _reader = new(ArgumentRebutted._SCHEMA, ArgumentRebutted._SCHEMA);
    private readonly MemoryStream _output = new();
    private readonly BinaryEncoder _encoder;
    private readonly MemoryStream _input;
    private readonly BinaryDecoder _decoder;

    public ApacheAvroBaseline(AvroBenchmarkEvent value, byte[] body)
    {
        _record = ToSpecific(value);
        _encoder = new BinaryEncoder(_output);
        _input = new MemoryStream(body, writable: false);
        _decoder = new BinaryDecoder(_input);
    }

    /// <summary>The body of the last <see cref="Serialize"/>.</summary>
    public ReadOnlySpan<byte> Written => _output.GetBuffer().AsSpan(0, (int)_output.Length);

    public void Serialize()
    {
        _output.SetLength(0);
        _writer.Write(_record, _encoder);
    }

    public ArgumentRebutted Deserialize()
    {
        _input.Position = 0;
        return _reader.Read(null!, _decoder);
    }

    /// <summary>Writes a record with Apache.Avro into a new array, e.g. one a deserializer returned.</summary>
    public byte[] Encode(ArgumentRebutted record)
    {
        using var stream = new MemoryStream();
        _writer.Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    public void Dispose()
    {
        _output.Dispose();
        _input.Dispose();
    }

    /// <summary>The same event as the specific record: timestamps as UTC <see cref="DateTime"/>, as Apache.Avro maps them.</summary>
    public static ArgumentRebutted ToSpecific(AvroBenchmarkEvent value) => new()
    {
        EventId = value.EventId,
        DebateId = value.DebateId,
        Round = value.Round,
        Participant = value.Participant,
        Stance = (Stance)value.Stance,
        Title = value.Title,
        Content = value.Content,
        Confidence = value.Confidence,
        Tags = [.. value.Tags],
        CitedArguments = [.. value.CitedArguments.Select(c => new Citation { ArgumentId = c.ArgumentId, Participant = c.Participant, Weight = c.Weight })],
        OccurredAt = value.OccurredAt.UtcDateTime,
        ReceivedAt = value.ReceivedAt.UtcDateTime,
        CorrelationId = value.CorrelationId,
        Source = value.Source,
        Version = value.Version,
        IsRebuttal = value.IsRebuttal,
    };
}
