using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.Serialization;

namespace DebateEvents.Avro.Tests.Resolution;

public class SchemaResolutionTests
{
    private const string WriterV1 = """
        {"type":"record","name":"Sample","namespace":"t","fields":[
          {"name":"a","type":"int"},
          {"name":"dropped","type":{"type":"array","items":{"type":"map","values":"string"}}},
          {"name":"old_name","type":"string"},
          {"name":"c","type":"float"}]}
        """;

    private const string ReaderV2 = """
        {"type":"record","name":"Sample","namespace":"t","fields":[
          {"name":"c","type":"double"},
          {"name":"a","type":"long"},
          {"name":"new_name","type":"string","aliases":["old_name"]},
          {"name":"tags","type":{"type":"array","items":"string"},"default":["x","y"]},
          {"name":"note","type":["null","string"],"default":null},
          {"name":"level","type":{"type":"enum","name":"Level","symbols":["LOW","HIGH"]},"default":"HIGH"}]}
        """;

    [Fact]
    public void Reader_ResolvesReorderedPromotedAliasedRemovedAndDefaultedFields()
    {
        var bytes = AvroJson.ToBinary(AvroSchema.Parse(WriterV1), """{"a":-7,"dropped":[{"k":"v"},{}],"old_name":"kept","c":2.5}""");

        var value = new AvroDeserializer<SampleV2>(AvroSchema.Parse(WriterV1), AvroSchema.Parse(ReaderV2)).Deserialize(bytes);

        Assert.Equal(2.5, value.C);
        Assert.Equal(-7L, value.A);
        Assert.Equal("kept", value.NewName);
        Assert.Equal(["x", "y"], value.Tags);
        Assert.Null(value.Note);
        Assert.Equal(Level.High, value.Level);
    }

    [Fact]
    public void Reader_GivesEachValueItsOwnInstanceOfAMutableDefault()
    {
        var bytes = AvroJson.ToBinary(AvroSchema.Parse(WriterV1), """{"a":1,"dropped":[],"old_name":"n","c":0}""");
        var deserializer = new AvroDeserializer<SampleV2>(AvroSchema.Parse(WriterV1), AvroSchema.Parse(ReaderV2));

        var first = deserializer.Deserialize(bytes);
        var second = deserializer.Deserialize(bytes);

        Assert.NotSame(first.Tags, second.Tags);
    }

    [Theory]
    [InlineData("\"int\"", "\"long\"", "{\"long\":-3}")]
    [InlineData("\"int\"", "\"double\"", "{\"double\":-3}")]
    [InlineData("\"long\"", "\"float\"", "{\"float\":-3}")]
    [InlineData("\"float\"", "\"double\"", "{\"double\":-3}")]
    public void Numbers_ArePromoted(string writer, string reader, string expectedJson)
    {
        var bytes = AvroJson.ToBinary(AvroSchema.Parse(writer), "-3");
        var union = AvroSchema.Parse($"[\"null\",{reader}]");

        var value = AvroJson.FromBinary(union, Reencode(writer, reader, bytes));

        Assert.Equal(expectedJson, value);
    }

    [Fact]
    public void StringAndBytes_PromoteBothWays()
    {
        var asString = new AvroDeserializer<string>(AvroSchema.Parse("\"bytes\""), AvroSchema.Parse("\"string\"")).Deserialize([0x04, 0x68, 0x69]);
        var asBytes = new AvroDeserializer<byte[]>(AvroSchema.Parse("\"string\""), AvroSchema.Parse("\"bytes\"")).Deserialize([0x04, 0x68, 0x69]);

        Assert.Equal("hi", asString);
        Assert.Equal("hi"u8.ToArray(), asBytes);
    }

    [Fact]
    public void NonUnionWriter_ResolvesToTheMatchingReaderUnionBranch()
    {
        var value = new AvroDeserializer<long?>(AvroSchema.Parse("\"int\""), AvroSchema.Parse("[\"null\",\"string\",\"long\"]")).Deserialize([0x0A]);

        Assert.Equal(5L, value);
    }

    [Fact]
    public void UnionWriter_BranchTheReaderCannotRead_FailsOnlyWhenDataUsesIt()
    {
        var deserializer = new AvroDeserializer<string>(AvroSchema.Parse("[\"null\",\"string\"]"), AvroSchema.Parse("\"string\""));

        Assert.Equal("a", deserializer.Deserialize([0x02, 0x02, 0x61]));
        var ex = Assert.Throws<AvroDecodingException>(() => deserializer.Deserialize([0x00]));
        Assert.Contains("union branch is not readable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumSymbolUnknownToTheReader_UsesTheReaderDefault_OrFailsWithoutOne()
    {
        var writer = AvroSchema.Parse("""{"type":"enum","name":"Level","symbols":["LOW","MID","HIGH"]}""");
        var withDefault = AvroSchema.Parse("""{"type":"enum","name":"Level","symbols":["LOW","HIGH"],"default":"LOW"}""");
        var withoutDefault = AvroSchema.Parse("""{"type":"enum","name":"Level","symbols":["LOW","HIGH"]}""");

        Assert.Equal(Level.Low, new AvroDeserializer<Level>(writer, withDefault).Deserialize([0x02]));
        Assert.Equal(Level.High, new AvroDeserializer<Level>(writer, withoutDefault).Deserialize([0x04]));
        Assert.Throws<AvroDecodingException>(() => new AvroDeserializer<Level>(writer, withoutDefault).Deserialize([0x02]));
    }

    [Fact]
    public void ReaderFieldWithoutDefault_MissingFromWriter_FailsAtCreationNamingTheField()
    {
        var reader = AvroSchema.Parse("""{"type":"record","name":"Sample","namespace":"t","fields":[{"name":"a","type":"long"},{"name":"required_new","type":"string"}]}""");

        var ex = Assert.Throws<AvroResolutionException>(() => new AvroDeserializer<SampleV2>(AvroSchema.Parse(WriterV1), reader));

        Assert.Contains("required_new", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no default", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"string\"", "\"int\"", typeof(int))]
    [InlineData("\"long\"", "\"int\"", typeof(int))]
    [InlineData("\"double\"", "\"float\"", typeof(float))]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}", "{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}", typeof(byte[]))]
    [InlineData("{\"type\":\"enum\",\"name\":\"A\",\"symbols\":[\"X\"]}", "{\"type\":\"enum\",\"name\":\"B\",\"symbols\":[\"X\"]}", typeof(string))]
    public void IncompatibleTypes_FailAtCreation(string writer, string reader, Type type)
    {
        // The reader schema alone maps to the type, so the failure can only come from resolution.
        AvroCodec.Deserializer(type, AvroSchema.Parse(reader), AvroSchema.Parse(reader));

        Assert.Throws<AvroResolutionException>(() => AvroCodec.Deserializer(type, AvroSchema.Parse(writer), AvroSchema.Parse(reader)));
    }

    [Fact]
    public void RenamedRecord_ResolvesThroughReaderAlias()
    {
        var writer = AvroSchema.Parse("""{"type":"record","name":"Old","namespace":"t","fields":[{"name":"a","type":"int"},{"name":"old_name","type":"string"},{"name":"c","type":"float"},{"name":"dropped","type":{"type":"array","items":{"type":"map","values":"string"}}}]}""");
        var reader = AvroSchema.Parse("""{"type":"record","name":"Sample","namespace":"t","aliases":["Old"],"fields":[{"name":"a","type":"long"},{"name":"new_name","type":"string","aliases":["old_name"]},{"name":"c","type":"double"}]}""");
        var bytes = AvroJson.ToBinary(writer, """{"a":1,"old_name":"x","c":1,"dropped":[]}""");

        var value = new AvroDeserializer<SampleV2>(writer, reader).Deserialize(bytes);

        Assert.Equal((1L, "x"), (value.A, value.NewName));
    }

    private static byte[] Reencode(string writer, string reader, byte[] bytes)
    {
        // Read with the promoted reader type, then write it as the reader union's non-null branch.
        var readerSchema = AvroSchema.Parse(reader);
        var union = AvroSchema.Parse($"[\"null\",{reader}]");
        return readerSchema.Type switch
        {
            AvroType.Long => new AvroSerializer<long?>(union).Serialize(new AvroDeserializer<long>(AvroSchema.Parse(writer), readerSchema).Deserialize(bytes)),
            AvroType.Float => new AvroSerializer<float?>(union).Serialize(new AvroDeserializer<float>(AvroSchema.Parse(writer), readerSchema).Deserialize(bytes)),
            _ => new AvroSerializer<double?>(union).Serialize(new AvroDeserializer<double>(AvroSchema.Parse(writer), readerSchema).Deserialize(bytes)),
        };
    }

    public enum Level
    {
        Low,
        High,
    }

    public sealed class SampleV2
    {
        public double C { get; set; }

        public long A { get; set; }

        public string NewName { get; set; } = "";

        public IReadOnlyList<string> Tags { get; set; } = [];

        public string? Note { get; set; } = "unset";

        public Level Level { get; set; }
    }
}
