using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace DebateEvents.Avro.Binary;

/// <summary>
/// Reads Avro binary primitives from a span. Every length and count is checked against the bytes that remain
/// before anything is allocated, so corrupt input fails fast with an <see cref="AvroDecodingException"/>.
/// </summary>
internal ref struct AvroReader
{
    /// <summary>How deeply records may nest (recursive schemas) before the data is rejected.</summary>
    public const int MaxDepth = 256;

    /// <summary>How many zero-byte items (nulls, empty records) a single array or map may claim.</summary>
    public const int MaxZeroSizeItems = 1 << 16;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private int _position;
    private int _depth;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    /// <param name="data">The encoded value.</param>
    /// <param name="baseOffset">Added to offsets in error messages, e.g. the length of a wire-format header before the body.</param>
    public AvroReader(ReadOnlySpan<byte> data, int baseOffset = 0)
    {
        _data = data;
        _baseOffset = baseOffset;
        _position = 0;
        _depth = 0;
    }

    /// <summary>The number of bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>The number of bytes not yet consumed.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Reads a zigzag varint long, rejecting encodings longer than ten bytes.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadLong()
    {
        if (_position < _data.Length && _data[_position] < 0x80)
        {
            ulong single = _data[_position++];
            return (long)(single >> 1) ^ -(long)(single & 1);
        }

        return ReadLongSlow();
    }

    /// <summary>Reads a zigzag varint int, rejecting values outside the 32-bit range.</summary>
    /// <returns>The value.</returns>
    public int ReadInt()
    {
        var start = _position;
        var value = ReadLong();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Error($"Value {value} does not fit an int", start);
    }

    /// <summary>Reads a boolean byte, which must be 0 or 1.</summary>
    /// <returns>The value.</returns>
    public bool ReadBoolean()
    {
        var b = Take(1)[0];
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw Error($"Boolean byte must be 0 or 1, not {b}", _position - 1),
        };
    }

    /// <summary>Reads four little-endian bytes as a float.</summary>
    /// <returns>The value.</returns>
    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>Reads eight little-endian bytes as a double.</summary>
    /// <returns>The value.</returns>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>Reads a length-prefixed byte sequence without copying it.</summary>
    /// <returns>A slice of the input, valid as long as the input is.</returns>
    public ReadOnlySpan<byte> ReadBytesSpan() => Take(ReadLength());

    /// <summary>Reads a length-prefixed byte sequence into a new array.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ReadBytes() => ReadBytesSpan().ToArray();

    /// <summary>Reads a length-prefixed UTF-8 string; invalid sequences become U+FFFD.</summary>
    /// <returns>The string.</returns>
    public string ReadString()
    {
        var length = ReadLength();
        return length == 0 ? string.Empty : Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>Reads exactly <paramref name="size"/> bytes, as a <c>fixed</c> value.</summary>
    /// <param name="size">The fixed size from the schema.</param>
    /// <returns>A slice of the input.</returns>
    public ReadOnlySpan<byte> ReadFixed(int size) => Take(size);

    /// <summary>Skips <paramref name="count"/> bytes.</summary>
    /// <param name="count">The number of bytes.</param>
    public void Skip(int count) => Take(count);

    /// <summary>
    /// Reads the item count of the next array or map block (0 ends the value), accepting negative counts followed by
    /// a byte size, and rejects counts the remaining bytes cannot hold.
    /// </summary>
    /// <param name="minItemSize">The fewest bytes one item takes; 0 for items such as null.</param>
    /// <param name="zeroSizeTotal">Running total of zero-size items in this value, capped at <see cref="MaxZeroSizeItems"/>.</param>
    /// <returns>The number of items in the block.</returns>
    public int ReadBlockCount(int minItemSize, ref long zeroSizeTotal)
    {
        var start = _position;
        var count = ReadLong();
        if (count < 0)
        {
            if (count == long.MinValue)
            {
                throw Error("Block count is out of range", start);
            }

            count = -count;
            var sizeStart = _position;
            var size = ReadLong();
            if (size < 0 || size > Remaining)
            {
                throw Error($"Block byte size {size} is negative or exceeds the {Remaining} bytes that remain", sizeStart);
            }
        }

        if (minItemSize > 0 ? count > Remaining / minItemSize : (zeroSizeTotal += count) > MaxZeroSizeItems)
        {
            throw Error($"Block claims {count} items, more than the {Remaining} remaining bytes can hold", start);
        }

        return (int)count;
    }

    /// <summary>Enters a nested record, failing when nesting exceeds <see cref="MaxDepth"/>.</summary>
    public void EnterNested()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"Records nest deeper than {MaxDepth} levels", _position);
        }
    }

    /// <summary>Leaves a nested record entered with <see cref="EnterNested"/>.</summary>
    public void ExitNested() => _depth--;

    /// <summary>Creates an exception for a problem at the current position.</summary>
    /// <param name="message">What is wrong.</param>
    /// <returns>The exception, for the caller to throw.</returns>
    public readonly AvroDecodingException Error(string message) => Error(message, _position);

    /// <summary>Creates an exception for a problem at <paramref name="position"/>.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="position">The position in this reader's span.</param>
    /// <returns>The exception, for the caller to throw.</returns>
    public readonly AvroDecodingException Error(string message, int position) => new(message, (long)_baseOffset + position);

    private int ReadLength()
    {
        var start = _position;
        var length = ReadLong();
        if (length < 0 || length > Remaining)
        {
            throw Error($"Length {length} is negative or exceeds the {Remaining} bytes that remain", start);
        }

        return (int)length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Error($"Data ends after {_data.Length - _position} bytes where {count} are needed", _position);
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    private long ReadLongSlow()
    {
        var start = _position;
        ulong result = 0;
        for (var i = 0; i < 10; i++)
        {
            if (_position >= _data.Length)
            {
                throw Error("Data ends inside a varint", start);
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7f) << (7 * i);
            if (b < 0x80)
            {
                if (i == 9 && b > 1)
                {
                    throw Error("Varint overflows 64 bits", start);
                }

                return (long)(result >> 1) ^ -(long)(result & 1);
            }
        }

        throw Error("Varint is longer than ten bytes", start);
    }
}
