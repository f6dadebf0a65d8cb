using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Tests.Schemas;

public class SchemaParserTests
{
    [Theory]
    [InlineData("{\"type\":\"record\",\"name\":\"R\"}", "needs 'fields'")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"A\"]}", "symbol twice")]
    [InlineData("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"],\"default\":\"B\"}", "not one of its symbols")]
    [InlineData("{\"type\":\"record\",\"name\":\"1R\",\"fields\":[]}", "not a valid name")]
    [InlineData("[\"int\",\"int\"]", "twice")]
    [InlineData("[\"null\",[\"int\"]]", "another union")]
    [InlineData("\"Unknown\"", "Unknown type name")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\",\"size\":-1}", "non-negative")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}", "Default of field 'a'")]
    [InlineData("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"a\",\"type\":\"int\"}]}", "field 'a' twice")]
    [InlineData("{\"type\":", "not valid JSON")]
    public void Parse_InvalidSchema_ThrowsNamingTheProblem(string json, string expectedFragment)
    {
        var ex = Assert.Throws<AvroSchemaException>(() => AvroSchema.Parse(json));

        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedNamedTypes_InheritTheEnclosingNamespace()
    {
        var schema = (RecordSchema)AvroSchema.Parse("""
            {"type":"record","name":"Outer","namespace":"a.b","fields":[
              {"name":"inner","type":{"type":"enum","name":"Kind","symbols":["X"]}},
              {"name":"again","type":"Kind"},
              {"name":"other","type":{"type":"fixed","name":"c.Hash","size":4}}]}
            """);

        Assert.Equal("a.b.Kind", ((EnumSchema)schema.Fields[0].Schema).FullName);
        Assert.Same(schema.Fields[0].Schema, schema.Fields[1].Schema);
        Assert.Equal("c.Hash", ((FixedSchema)schema.Fields[2].Schema).FullName);
    }

    [Theory]
    [InlineData("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":5}")]
    [InlineData("{\"type\":\"int\",\"logicalType\":\"uuid\"}")]
    [InlineData("{\"type\":\"fixed\",\"name\":\"F\",\"size\":2,\"logicalType\":\"decimal\",\"precision\":10}")]
    [InlineData("{\"type\":\"string\",\"logicalType\":\"no-such-type\"}")]
    public void Parse_InvalidLogicalType_IsIgnoredAsTheSpecRequires(string json)
    {
        var schema = AvroSchema.Parse(json);

        Assert.Null(schema.LogicalType);
    }

    [Fact]
    public void Parse_ValidDecimal_KeepsPrecisionAndScale()
    {
        var schema = AvroSchema.Parse("{\"type\":\"fixed\",\"name\":\"D\",\"size\":8,\"logicalType\":\"decimal\",\"precision\":18,\"scale\":6}");

        Assert.Equal(("decimal", 18, 6), (schema.LogicalType, schema.Precision, schema.Scale));
    }
}
