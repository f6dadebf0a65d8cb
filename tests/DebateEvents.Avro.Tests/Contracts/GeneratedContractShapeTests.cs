using System.Reflection;
using System.Runtime.CompilerServices;
using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Contracts;

public class GeneratedContractShapeTests
{
    [Theory]
    [InlineData(typeof(DebateInitiated), nameof(DebateInitiated.DebateId), typeof(Guid))]
    [InlineData(typeof(DebateInitiated), nameof(DebateInitiated.OccurredAt), typeof(DateTimeOffset))]
    [InlineData(typeof(DebateInitiated), nameof(DebateInitiated.Participants), typeof(IReadOnlyList<string>))]
    [InlineData(typeof(ArgumentSubmitted), nameof(ArgumentSubmitted.Position), typeof(Position))]
    [InlineData(typeof(ArgumentSubmitted), nameof(ArgumentSubmitted.Confidence), typeof(double?))]
    [InlineData(typeof(DebateCompleted), nameof(DebateCompleted.WinningPosition), typeof(Position?))]
    [InlineData(typeof(DebateCompleted), nameof(DebateCompleted.DurationMs), typeof(long))]
    [InlineData(typeof(DecisionMade), nameof(DecisionMade.Confidence), typeof(decimal))]
    [InlineData(typeof(DecisionMade), nameof(DecisionMade.Rationale), typeof(string))]
    [InlineData(typeof(DecisionMade), nameof(DecisionMade.ImplementationRequired), typeof(bool))]
    [InlineData(typeof(EvolutionTriggered), nameof(EvolutionTriggered.DebateId), typeof(Guid?))]
    [InlineData(typeof(WebhookNotificationRequested), nameof(WebhookNotificationRequested.Payload), typeof(IReadOnlyDictionary<string, string>))]
    [InlineData(typeof(MetricRecorded), nameof(MetricRecorded.Tags), typeof(IReadOnlyDictionary<string, string>))]
    public void SchemaTypes_MapToTheCSharpTypesTheIssuePrescribes(Type contract, string property, Type expected)
    {
        Assert.Equal(expected, contract.GetProperty(property)!.PropertyType);
    }

    [Theory]
    [InlineData(typeof(DecisionMade), nameof(DecisionMade.Decision), true)]
    [InlineData(typeof(DecisionMade), nameof(DecisionMade.Rationale), false)]
    [InlineData(typeof(MetricRecorded), nameof(MetricRecorded.Unit), false)]
    [InlineData(typeof(MetricRecorded), nameof(MetricRecorded.Value), true)]
    public void FieldsWithoutDefaults_AreRequired_FieldsWithDefaultsAreOptional(Type contract, string property, bool required)
    {
        Assert.Equal(required, contract.GetProperty(property)!.IsDefined(typeof(RequiredMemberAttribute)));
    }

    [Fact]
    public void NullableReferenceFields_AreAnnotatedNullable()
    {
        var info = new NullabilityInfoContext().Create(typeof(DecisionMade).GetProperty(nameof(DecisionMade.Rationale))!);

        Assert.Equal(NullabilityState.Nullable, info.ReadState);
    }

    [Fact]
    public void EnumSymbols_BecomePascalCaseMembersInSymbolOrder()
    {
        Assert.Equal(["Consensus", "Majority", "NoDecision"], Enum.GetNames<DebateOutcome>());
        Assert.Equal(["For", "Against", "Neutral"], Enum.GetNames<Position>());
    }

    [Fact]
    public void EveryContract_LivesInANamespace_AndCarriesItsParsedSchema()
    {
        var contracts = typeof(DebateInitiated).Assembly.GetTypes().Where(t => typeof(IAvroRecord).IsAssignableFrom(t)).ToList();

        Assert.Equal(9, contracts.Count);
        Assert.All(contracts, t =>
        {
            Assert.Equal("Zamaz.Debate.Events", t.Namespace);
            var schema = AvroCodec.SchemaOf(t);
            Assert.Equal("zamaz.debate.events." + t.Name, (schema as DebateEvents.Avro.Schemas.NamedSchema)?.FullName);
            Assert.Equal((string)t.GetField("SchemaJson", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!, schema!.SourceText);
        });
    }
}
