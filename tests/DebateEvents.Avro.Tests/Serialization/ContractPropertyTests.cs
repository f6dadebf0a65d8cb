using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Serialization;

public class ContractPropertyTests
{
    [Property(MaxTest = 300)]
    public bool MetricRecorded_RoundTripsForAnyValues(string? name, double value, string? unit, Dictionary<string, string>? tags, long millis)
    {
        var original = new MetricRecorded
        {
            Name = Clean(name),
            Value = value,
            Unit = unit is null ? null : Clean(unit),
            Tags = (tags ?? []).GroupBy(p => Clean(p.Key)).ToDictionary(g => g.Key, g => Clean(g.First().Value), StringComparer.Ordinal),
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(millis, -62_135_596_800_000, 253_402_300_799_999)),
        };

        var decoded = AvroCodec.Deserializer<MetricRecorded>().Deserialize(AvroCodec.Serializer<MetricRecorded>().Serialize(original));

        return decoded with { Tags = original.Tags } == original && decoded.Tags.OrderBy(p => p.Key).SequenceEqual(original.Tags.OrderBy(p => p.Key));
    }

    [Property(MaxTest = 300)]
    public Property ArgumentSubmitted_RoundTripsForAnyValues(Guid debateId, int round, string? content, double? confidence)
    {
        var positions = Gen.Elements(Position.For, Position.Against, Position.Neutral).ToArbitrary();
        return Prop.ForAll(positions, position =>
        {
            var original = SampleEvents.ArgumentSubmitted(confidence) with { DebateId = debateId, Round = round, Content = Clean(content), Position = position };

            var decoded = AvroCodec.Deserializer<ArgumentSubmitted>().Deserialize(AvroCodec.Serializer<ArgumentSubmitted>().Serialize(original));

            return decoded == original;
        });
    }

    // Lone surrogates are not valid Unicode scalar values: UTF-8 encoding replaces them, so they cannot round-trip.
    private static string Clean(string? text) => new((text ?? "").Where(c => !char.IsSurrogate(c)).ToArray());
}
