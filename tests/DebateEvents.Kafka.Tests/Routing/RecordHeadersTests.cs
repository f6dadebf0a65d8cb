using System.Text;
using Confluent.Kafka;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Kafka.Tests.Routing;

public sealed class RecordHeadersTests
{
    [Fact]
    public void GetText_ReadsTheLastValueOfARepeatedName_AndNullWhenMissing()
    {
        var headers = new Headers { { "ce_type", Encoding.UTF8.GetBytes("first") }, { "ce_type", Encoding.UTF8.GetBytes("second") } };

        Assert.Equal("second", headers.GetText("ce_type"));
        Assert.Null(headers.GetText("ce_id"));
        Assert.Null(((Headers?)null).GetText("ce_type"));
    }

    [Fact]
    public void GetNumber_ParsesInvariantIntegers_AndNullForMissingOrMalformedValues()
    {
        var headers = new Headers();
        headers.AddNumber("due", 1_767_225_600_000);
        headers.AddNumber("negative", -3);
        headers.AddText("junk", "12x");

        Assert.Equal(1_767_225_600_000, headers.GetNumber("due"));
        Assert.Equal(-3, headers.GetNumber("negative"));
        Assert.Null(headers.GetNumber("junk"));
        Assert.Null(headers.GetNumber("missing"));
    }

    [Fact]
    public void CopyExcept_KeepsEveryOtherHeaderInOrder_AndLeavesTheSourceUnchanged()
    {
        var source = new Headers();
        source.AddText("a", "1");
        source.AddText("skip", "x");
        source.AddText("b", "2");
        source.AddText("a", "3");

        var copy = source.CopyExcept("skip");

        Assert.Equal(["a=1", "b=2", "a=3"], copy.Select(h => $"{h.Key}={h.GetText()}"));
        Assert.Equal(4, source.Count);
        Assert.Empty(((Headers?)null).CopyExcept());
    }
}
