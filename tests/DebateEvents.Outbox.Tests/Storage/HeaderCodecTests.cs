using System.Text;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Tests.Storage;

public sealed class HeaderCodecTests
{
    [Fact]
    public void Decode_OfEncodedHeaders_ReturnsTheSameNamesValuesAndOrder()
    {
        var headers = new List<KeyValuePair<string, byte[]>>
        {
            new("ce_id", Encoding.UTF8.GetBytes("0b3c")),
            new("empty", []),
            new("ce_id", [0, 255, 7]),
            new("naïve-ünïcode", Encoding.UTF8.GetBytes("välue")),
        };

        var decoded = HeaderCodec.Decode(HeaderCodec.Encode(headers));

        Assert.Equal(headers.Select(h => h.Key), decoded.Select(h => h.Key));
        Assert.Equal(headers.Select(h => h.Value), decoded.Select(h => h.Value));
    }

    [Fact]
    public void Encode_OfNoHeaders_IsEmptyAndDecodesToNone()
    {
        var encoded = HeaderCodec.Encode([]);

        Assert.Empty(encoded);
        Assert.Empty(HeaderCodec.Decode(encoded));
    }
}
