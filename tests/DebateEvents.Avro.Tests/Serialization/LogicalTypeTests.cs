using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Tests.Serialization;

public class LogicalTypeTests
{
    [Theory]
    [InlineData("0.9375", 4, "04249F")]
    [InlineData("-0.0001", 4, "02FF")]
    [InlineData("0.0128", 4, "040080")]
    [InlineData("-0.0128", 4, "0280")]
    [InlineData("-0.0129", 4, "04FF7F")]
    [InlineData("0", 4, "0200")]
    [InlineData("1.5", 4, "043A98")]
    public void DecimalOnBytes_IsMinimalBigEndianTwosComplement(string value, int scale, string hex)
    {
        var schema = AvroSchema.Parse($"{{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":{scale}}}");
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var bytes = new AvroSerializer<decimal>(schema).Serialize(number);

        Assert.Equal(hex, Convert.ToHexString(bytes));
        Assert.Equal(number, new AvroDeserializer<decimal>(schema).Deserialize(bytes));
    }

    [Fact]
    public void DecimalOnFixed_SignExtendsToTheFixedSize()
    {
        var schema = AvroSchema.Parse("{\"type\":\"fixed\",\"name\":\"D\",\"size\":4,\"logicalType\":\"decimal\",\"precision\":9,\"scale\":2}");

        var bytes = new AvroSerializer<decimal>(schema).Serialize(-1.23m);

        Assert.Equal("FFFFFF85", Convert.ToHexString(bytes));
        Assert.Equal(-1.23m, new AvroDeserializer<decimal>(schema).Deserialize(bytes));
    }

    [Theory]
    [InlineData("1.23456")]
    [InlineData("123456.7")]
    public void Decimal_ThatDoesNotFitScaleOrPrecision_IsRejected(string value)
    {
        var schema = AvroSchema.Parse("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":5,\"scale\":4}");

        Assert.Throws<AvroEncodingException>(() => new AvroSerializer<decimal>(schema).Serialize(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void UuidOnString_IsTheLowerCaseHyphenatedForm()
    {
        var schema = AvroSchema.Parse("{\"type\":\"string\",\"logicalType\":\"uuid\"}");
        var id = Guid.Parse("3F2504E0-4F89-41D3-9A0C-0305E82C3301");

        var bytes = new AvroSerializer<Guid>(schema).Serialize(id);

        Assert.Equal("48" + Convert.ToHexString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"u8), Convert.ToHexString(bytes));
        Assert.Equal(id, new AvroDeserializer<Guid>(schema).Deserialize(bytes));
    }

    [Fact]
    public void UuidOnFixed_IsTheBigEndianRfc4122Bytes()
    {
        var schema = AvroSchema.Parse("{\"type\":\"fixed\",\"name\":\"U\",\"size\":16,\"logicalType\":\"uuid\"}");
        var id = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");

        var bytes = new AvroSerializer<Guid>(schema).Serialize(id);

        Assert.Equal("00112233445566778899AABBCCDDEEFF", Convert.ToHexString(bytes));
        Assert.Equal(id, new AvroDeserializer<Guid>(schema).Deserialize(bytes));
    }

    [Fact]
    public void Date_IsDaysSinceTheUnixEpoch()
    {
        var schema = AvroSchema.Parse("{\"type\":\"int\",\"logicalType\":\"date\"}");

        Assert.Equal("02", Convert.ToHexString(new AvroSerializer<DateOnly>(schema).Serialize(new DateOnly(1970, 1, 2))));
        Assert.Equal("01", Convert.ToHexString(new AvroSerializer<DateOnly>(schema).Serialize(new DateOnly(1969, 12, 31))));
        Assert.Equal(new DateOnly(2026, 11, 22), new AvroDeserializer<DateOnly>(schema).Deserialize(new AvroSerializer<DateOnly>(schema).Serialize(new DateOnly(2026, 11, 22))));
    }

    [Theory]
    [InlineData("timestamp-millis", "1970-01-01T00:00:00.001Z", 1L)]
    [InlineData("timestamp-millis", "1969-12-31T23:59:59.999Z", -1L)]
    [InlineData("timestamp-micros", "1970-01-01T00:00:01.000002Z", 1_000_002L)]
    [InlineData("timestamp-micros", "0001-01-01T00:00:00Z", -62_135_596_800_000_000L)]
    public void Timestamps_AreUnitsSinceTheUnixEpoch(string logicalType, string iso, long units)
    {
        var schema = AvroSchema.Parse($"{{\"type\":\"long\",\"logicalType\":\"{logicalType}\"}}");
        var value = DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

        var bytes = new AvroSerializer<DateTimeOffset>(schema).Serialize(value);

        Assert.Equal(units, new AvroReader(bytes).ReadLong());
        Assert.Equal(value, new AvroDeserializer<DateTimeOffset>(schema).Deserialize(bytes));
    }

    [Fact]
    public void DateTime_IsAnInstantForTimestamps_AndWallClockForLocalTimestamps()
    {
        var instant = AvroSchema.Parse("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}");
        var wallClock = AvroSchema.Parse("{\"type\":\"long\",\"logicalType\":\"local-timestamp-millis\"}");
        var local = new DateTime(2026, 11, 22, 18, 0, 0, DateTimeKind.Local);

        var asInstant = new AvroDeserializer<DateTime>(instant).Deserialize(new AvroSerializer<DateTime>(instant).Serialize(local));
        var asWallClock = new AvroDeserializer<DateTime>(wallClock).Deserialize(new AvroSerializer<DateTime>(wallClock).Serialize(local));

        Assert.Equal((local.ToUniversalTime(), DateTimeKind.Utc), (asInstant, asInstant.Kind));
        Assert.Equal((local.Ticks, DateTimeKind.Unspecified), (asWallClock.Ticks, asWallClock.Kind));
    }

    [Fact]
    public void Timestamp_OutsideDateTimeRange_IsADecodingErrorNotACrash()
    {
        var schema = AvroSchema.Parse("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}");

        var ex = Assert.Throws<AvroDecodingException>(() => new AvroDeserializer<DateTimeOffset>(schema).Deserialize(new AvroSerializer<long>(AvroSchema.Parse("\"long\"")).Serialize(long.MaxValue)));

        Assert.Contains("Timestamp is out of range", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    [Theory]
    [InlineData("{\"type\":\"int\",\"logicalType\":\"time-millis\"}", 45_296_789L)]
    [InlineData("{\"type\":\"long\",\"logicalType\":\"time-micros\"}", 45_296_789_000L)]
    public void TimeOfDay_IsUnitsAfterMidnight(string json, long units)
    {
        var schema = AvroSchema.Parse(json);
        var time = new TimeOnly(12, 34, 56, 789);

        var bytes = new AvroSerializer<TimeOnly>(schema).Serialize(time);

        Assert.Equal(units, new AvroReader(bytes).ReadLong());
        Assert.Equal(time, new AvroDeserializer<TimeOnly>(schema).Deserialize(bytes));
    }

    [Fact]
    public void Duration_IsThreeLittleEndianUInt32s()
    {
        var schema = AvroSchema.Parse("{\"type\":\"fixed\",\"name\":\"Dur\",\"size\":12,\"logicalType\":\"duration\"}");
        var duration = new AvroDuration(1, 2, 0x01020304);

        var bytes = new AvroSerializer<AvroDuration>(schema).Serialize(duration);

        Assert.Equal("010000000200000004030201", Convert.ToHexString(bytes));
        Assert.Equal(duration, new AvroDeserializer<AvroDuration>(schema).Deserialize(bytes));
    }
}
