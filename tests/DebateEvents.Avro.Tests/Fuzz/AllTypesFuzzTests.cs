using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Tests.Fuzz;

public class AllTypesFuzzTests
{
    private static readonly AvroSchema Schema = AvroSchema.Parse("""
        {"type":"record","name":"AllTypes","namespace":"fuzz","fields":[
          {"name":"flag","type":"boolean"},
          {"name":"small","type":"int"},
          {"name":"big","type":"long"},
          {"name":"single","type":"float"},
          {"name":"real","type":"double"},
          {"name":"raw","type":"bytes"},
          {"name":"text","type":["null","string"]},
          {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B","C"],"default":"A"}},
          {"name":"hash","type":{"type":"fixed","name":"Hash","size":8}},
          {"name":"day","type":{"type":"int","logicalType":"date"}},
          {"name":"clock","type":{"type":"int","logicalType":"time-millis"}},
          {"name":"fine_clock","type":{"type":"long","logicalType":"time-micros"}},
          {"name":"instant","type":{"type":"long","logicalType":"timestamp-micros"}},
          {"name":"local","type":{"type":"long","logicalType":"local-timestamp-millis"}},
          {"name":"id","type":{"type":"fixed","name":"Uuid","size":16,"logicalType":"uuid"}},
          {"name":"amount","type":{"type":"fixed","name":"Money","size":12,"logicalType":"decimal","precision":20,"scale":2}},
          {"name":"ratio","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":6}},
          {"name":"span","type":{"type":"fixed","name":"Span","size":12,"logicalType":"duration"}},
          {"name":"series","type":{"type":"map","values":{"type":"array","items":"long"}}},
          {"name":"next","type":["null","AllTypes"]}]}
        """);

    [Fact]
    public void EveryTypeAndLogicalType_RoundTrips()
    {
        var value = Sample();

        var decoded = new AvroDeserializer<AllTypes>(Schema).Deserialize(new AvroSerializer<AllTypes>(Schema).Serialize(value));

        Assert.Equivalent(value, decoded, strict: true);
    }

    [Fact]
    public void MutationsOfEveryType_DecodeOrThrowADecodingException_WithoutOtherErrors()
    {
        var random = new Random(7);
        var seed = new AvroSerializer<AllTypes>(Schema).Serialize(Sample());
        var deserializer = new AvroDeserializer<AllTypes>(Schema);
        var rejected = 0;

        for (var i = 0; i < 5000; i++)
        {
            var input = seed.ToArray();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                input[random.Next(input.Length)] = (byte)random.Next(256);
            }

            try
            {
                deserializer.Deserialize(input);
            }
            catch (AvroDecodingException ex)
            {
                Assert.Null(ex.InnerException);
                Assert.InRange(ex.Offset, 0, input.Length);
                rejected++;
            }
        }

        Assert.InRange(rejected, 1, 4999);
    }

    private static AllTypes Sample() => new()
    {
        Flag = true,
        Small = int.MinValue,
        Big = long.MaxValue,
        Single = float.Epsilon,
        Real = double.MaxValue,
        Raw = [0, 1, 255],
        Text = "tekst ✓",
        Kind = "C",
        Hash = [1, 2, 3, 4, 5, 6, 7, 8],
        Day = new DateOnly(2000, 2, 29),
        Clock = new TimeOnly(23, 59, 59, 999),
        FineClock = new TimeOnly(0, 0, 0, 0, 1),
        Instant = new DateTime(1969, 7, 20, 20, 17, 40, DateTimeKind.Utc).AddTicks(10),
        Local = new DateTime(2026, 11, 22, 18, 0, 0, DateTimeKind.Utc),
        Id = Guid.Parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"),
        Amount = -123456789012345.67m,
        Ratio = 0.000001m,
        Span = new AvroDuration(uint.MaxValue, 0, 1),
        Series = new Dictionary<string, long[]> { ["a"] = [long.MinValue, 0], ["empty"] = [] },
        Next = new AllTypes { Kind = "A", Raw = [], Hash = new byte[8], Series = [] },
    };

    public sealed class AllTypes
    {
        public bool Flag { get; set; }

        public int Small { get; set; }

        public long Big { get; set; }

        public float Single { get; set; }

        public double Real { get; set; }

        public byte[] Raw { get; set; } = [];

        public string? Text { get; set; }

        public string Kind { get; set; } = "A";

        public byte[] Hash { get; set; } = [];

        public DateOnly Day { get; set; }

        public TimeOnly Clock { get; set; }

        public TimeOnly FineClock { get; set; }

        public DateTime Instant { get; set; }

        public DateTime Local { get; set; }

        public Guid Id { get; set; }

        public decimal Amount { get; set; }

        public decimal Ratio { get; set; }

        public AvroDuration Span { get; set; }

        public Dictionary<string, long[]> Series { get; set; } = [];

        public AllTypes? Next { get; set; }
    }
}
