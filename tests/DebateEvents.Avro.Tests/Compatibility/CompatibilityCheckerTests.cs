using DebateEvents.Avro.Compatibility;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Tests.Compatibility;

public class CompatibilityCheckerTests
{
    private static readonly AvroSchema V1 = Record("""{"name":"id","type":"string"}""");
    private static readonly AvroSchema V2AddedWithDefault = Record("""{"name":"id","type":"string"},{"name":"note","type":["null","string"],"default":null}""");
    private static readonly AvroSchema V3AddedWithoutDefault = Record("""{"name":"id","type":"string"},{"name":"note","type":["null","string"],"default":null},{"name":"owner","type":"string"}""");

    [Fact]
    public void AddingAFieldWithADefault_IsBackwardAndForwardCompatible()
    {
        Assert.Empty(CompatibilityChecker.Check(V2AddedWithDefault, [V1], CompatibilityLevel.Full));
    }

    [Fact]
    public void AddingAFieldWithoutADefault_BreaksBackward_NamingTheFieldAndRule()
    {
        var messages = CompatibilityChecker.Check(V3AddedWithoutDefault, [V1, V2AddedWithDefault], CompatibilityLevel.Backward);

        var message = Assert.Single(messages);
        Assert.Contains("/Thing/owner", message, StringComparison.Ordinal);
        Assert.Contains(nameof(CompatibilityRule.ReaderFieldMissingDefault), message, StringComparison.Ordinal);
        Assert.StartsWith("BACKWARD:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovingAFieldWithoutADefault_BreaksForwardOnly()
    {
        var withoutId = Record("""{"name":"note","type":["null","string"],"default":null}""");

        Assert.Empty(CompatibilityChecker.Check(withoutId, [V2AddedWithDefault], CompatibilityLevel.Backward));
        var message = Assert.Single(CompatibilityChecker.Check(withoutId, [V2AddedWithDefault], CompatibilityLevel.Forward));
        Assert.Contains("/Thing/id", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TransitiveLevels_CheckEveryEarlierVersion_PlainLevelsOnlyTheLatest()
    {
        var v2Required = Record("""{"name":"id","type":"string"},{"name":"owner","type":"string","default":"x"}""");
        var v3 = Record("""{"name":"id","type":"string"},{"name":"owner","type":"string"}""");

        Assert.Empty(CompatibilityChecker.Check(v3, [V1, v2Required], CompatibilityLevel.Backward));
        Assert.Single(CompatibilityChecker.Check(v3, [V1, v2Required], CompatibilityLevel.BackwardTransitive));
    }

    [Fact]
    public void ChangingAFieldType_IsATypeMismatch_UnlessItIsAPromotion()
    {
        var asLong = Record("""{"name":"id","type":"long"}""");
        var asInt = Record("""{"name":"id","type":"int"}""");

        Assert.Empty(asLong.CanRead(asInt));
        var problem = Assert.Single(asInt.CanRead(asLong));
        Assert.Equal(("/Thing/id", CompatibilityRule.TypeMismatch), (problem.Path, problem.Rule));
    }

    [Fact]
    public void RemovingAnEnumSymbol_BreaksBackward_UnlessTheReaderHasADefault()
    {
        var abc = AvroSchema.Parse("""{"type":"enum","name":"E","symbols":["A","B","C"]}""");
        var ab = AvroSchema.Parse("""{"type":"enum","name":"E","symbols":["A","B"]}""");
        var abWithDefault = AvroSchema.Parse("""{"type":"enum","name":"E","symbols":["A","B"],"default":"A"}""");

        Assert.Equal(CompatibilityRule.MissingEnumSymbols, Assert.Single(ab.CanRead(abc)).Rule);
        Assert.Empty(abWithDefault.CanRead(abc));
    }

    [Fact]
    public void NarrowingAUnion_BreaksReadersOfTheRemovedBranch()
    {
        var wide = AvroSchema.Parse("""["null","string","int"]""");
        var narrow = AvroSchema.Parse("""["null","string"]""");

        Assert.Empty(wide.CanRead(narrow));
        Assert.Equal(CompatibilityRule.MissingUnionBranch, Assert.Single(narrow.CanRead(wide)).Rule);
    }

    [Fact]
    public void NoneLevel_AcceptsAnything()
    {
        Assert.Empty(CompatibilityChecker.Check(AvroSchema.Parse("\"int\""), [V1], CompatibilityLevel.None));
    }

    [Theory]
    [InlineData("backward_transitive", CompatibilityLevel.BackwardTransitive)]
    [InlineData("FULL", CompatibilityLevel.Full)]
    [InlineData("NONE", CompatibilityLevel.None)]
    public void LevelNames_ParseAndRoundTrip(string name, CompatibilityLevel level)
    {
        Assert.True(CompatibilityLevels.TryParse(name, out var parsed));
        Assert.Equal(level, parsed);
        Assert.Equal(name.ToUpperInvariant(), parsed.ToWireName());
    }

    private static AvroSchema Record(string fields) => AvroSchema.Parse($$"""{"type":"record","name":"Thing","fields":[{{fields}}]}""");
}
