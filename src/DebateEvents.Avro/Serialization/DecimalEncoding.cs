using System.Buffers.Binary;
using DebateEvents.Avro.Binary;

namespace DebateEvents.Avro.Serialization;

/// <summary>Converts <see cref="decimal"/> to and from the big-endian two's-complement unscaled integer of the
/// <c>decimal</c> logical type.</summary>
internal static class DecimalEncoding
{
    private const int MaxBytes = 16;

    /// <summary>Encodes into <paramref name="destination"/> (16 bytes) and returns the minimal slice.</summary>
    public static ReadOnlySpan<byte> Encode(decimal value, int scale, int precision, Span<byte> destination, string path)
    {
        if (value.Scale > scale)
        {
            var rounded = decimal.Round(value, scale);
            if (rounded != value)
            {
                throw new AvroEncodingException($"{path}: {value} has more than the {scale} fractional digits the schema allows.");
            }

            value = rounded;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        for (var s = value.Scale; s < scale; s++)
        {
            magnitude = magnitude <= UInt128.MaxValue / 10 ? magnitude * 10
                : throw new AvroEncodingException($"{path}: {value} cannot be scaled to {scale} digits.");
        }

        if (precision <= 38 && magnitude >= Pow10(precision))
        {
            throw new AvroEncodingException($"{path}: {value} has more than the {precision} digits the schema allows.");
        }

        var unscaled = value < 0 ? -(Int128)magnitude : (Int128)magnitude;
        BinaryPrimitives.WriteInt128BigEndian(destination, unscaled);
        var start = 0;
        while (start < MaxBytes - 1 && IsSignExtension(destination[start], destination[start + 1]))
        {
            start++;
        }

        return destination[start..MaxBytes];
    }

    /// <summary>Decodes a two's-complement integer of any length into a decimal with <paramref name="scale"/>.</summary>
    public static decimal Decode(ReadOnlySpan<byte> bytes, int scale, ref AvroReader reader, int position)
    {
        if (bytes.Length == 0)
        {
            return 0m;
        }

        var negative = (bytes[0] & 0x80) != 0;
        var extension = negative ? (byte)0xff : (byte)0;
        while (bytes.Length > MaxBytes && bytes[0] == extension)
        {
            bytes = bytes[1..];
        }

        if (bytes.Length > MaxBytes || scale > 28)
        {
            throw reader.Error("Decimal does not fit System.Decimal", position);
        }

        Span<byte> buffer = stackalloc byte[MaxBytes];
        buffer.Fill(extension);
        bytes.CopyTo(buffer[(MaxBytes - bytes.Length)..]);
        var unscaled = BinaryPrimitives.ReadInt128BigEndian(buffer);
        var magnitude = negative ? (UInt128)(-unscaled) : (UInt128)unscaled;
        if (magnitude >> 96 != 0)
        {
            throw reader.Error("Decimal does not fit System.Decimal", position);
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
    }

    private static bool IsSignExtension(byte current, byte next) =>
        (current == 0 && (next & 0x80) == 0) || (current == 0xff && (next & 0x80) != 0);

    private static UInt128 Pow10(int exponent)
    {
        UInt128 result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
