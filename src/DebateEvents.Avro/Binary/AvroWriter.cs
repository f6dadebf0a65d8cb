using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace DebateEvents.Avro.Binary;

/// <summary>
/// Writes Avro binary primitives into an <see cref="IBufferWriter{T}"/>. It keeps a span of the output and advances
/// the writer in batches, so call <see cref="Flush"/> once at the end; it allocates nothing itself.
/// </summary>
internal ref struct AvroWriter
{
    private const int MinimumRequest = 256;
    private const int MaxSinglePassChars = 2730;
    private readonly IBufferWriter<byte> _output;
    private Span<byte> _span;
    private int _used;
    private int _depth;

    /// <summary>Creates a writer over <paramref name="output"/>.</summary>
    /// <param name="output">Where the bytes go; <see cref="Flush"/> commits them.</param>
    public AvroWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _span = default;
        _used = 0;
        _depth = 0;
    }

    /// <summary>Commits the bytes written so far to the underlying buffer writer.</summary>
    public void Flush()
    {
        if (_used > 0)
        {
            _output.Advance(_used);
        }

        _used = 0;
        _span = default;
    }

    /// <summary>Writes a boolean as one byte.</summary>
    public void WriteBoolean(bool value)
    {
        Reserve(1)[0] = value ? (byte)1 : (byte)0;
        _used++;
    }

    /// <summary>Writes an int as a zigzag varint.</summary>
    public void WriteInt(int value) => WriteLong(value);

    /// <summary>Writes a long as a zigzag varint of one to ten bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteLong(long value)
    {
        var span = Reserve(10);
        var n = (ulong)((value << 1) ^ (value >> 63));
        var i = 0;
        while (n >= 0x80)
        {
            span[i++] = (byte)(n | 0x80);
            n >>= 7;
        }

        span[i++] = (byte)n;
        _used += i;
    }

    /// <summary>Writes a float as four little-endian bytes.</summary>
    public void WriteFloat(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);
        _used += 4;
    }

    /// <summary>Writes a double as eight little-endian bytes.</summary>
    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
        _used += 8;
    }

    /// <summary>Writes a length prefix then the bytes.</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> value)
    {
        WriteLong(value.Length);
        WriteFixed(value);
    }

    /// <summary>Writes bytes with no length prefix, as a <c>fixed</c> value.</summary>
    public void WriteFixed(scoped ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        _used += value.Length;
    }

    /// <summary>Writes a string as its UTF-8 byte length then the bytes; unpaired surrogates become U+FFFD.</summary>
    /// <param name="value">The string.</param>
    public void WriteString(string value) => WriteString(value.AsSpan());

    /// <summary>Writes characters as their UTF-8 byte length then the bytes.</summary>
    /// <param name="value">The characters.</param>
    public void WriteString(scoped ReadOnlySpan<char> value)
    {
        if (value.Length <= MaxSinglePassChars)
        {
            WriteShortString(value);
            return;
        }

        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteLong(byteCount);
        var written = Encoding.UTF8.GetBytes(value, Reserve(byteCount));
        _used += written;
    }

    // Up to 2730 chars the UTF-8 length (at most 3 bytes per char) fits a varint of two bytes, so the string can be
    // encoded once, after a two-byte gap, and the gap closed when the length needs only one byte.
    private void WriteShortString(scoped ReadOnlySpan<char> value)
    {
        var span = Reserve(2 + (value.Length * 3));
        var written = Encoding.UTF8.GetBytes(value, span[2..]);
        var zigzag = written << 1;
        if (zigzag < 0x80)
        {
            span[0] = (byte)zigzag;
            span.Slice(2, written).CopyTo(span[1..]);
            _used += 1 + written;
        }
        else
        {
            span[0] = (byte)(zigzag | 0x80);
            span[1] = (byte)(zigzag >> 7);
            _used += 2 + written;
        }
    }

    /// <summary>Enters a nested record, failing when nesting exceeds <see cref="AvroReader.MaxDepth"/> (a cyclic object graph).</summary>
    public void EnterNested()
    {
        if (++_depth > AvroReader.MaxDepth)
        {
            throw new AvroEncodingException($"Records nest deeper than {AvroReader.MaxDepth} levels; the object graph is probably cyclic.");
        }
    }

    /// <summary>Leaves a nested record entered with <see cref="EnterNested"/>.</summary>
    public void ExitNested() => _depth--;

    /// <summary>Gives a span of at least <paramref name="size"/> bytes to fill; commit them with <see cref="Advance"/>.</summary>
    /// <param name="size">The number of bytes needed.</param>
    /// <returns>A span of at least that size.</returns>
    public Span<byte> GetSpan(int size) => Reserve(size);

    /// <summary>Marks <paramref name="count"/> bytes of the last span from <see cref="GetSpan"/> as written.</summary>
    /// <param name="count">The number of bytes written.</param>
    public void Advance(int count) => _used += count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int size)
    {
        var free = _span[_used..];
        if (free.Length >= size)
        {
            return free;
        }

        return Grow(size);
    }

    private Span<byte> Grow(int size)
    {
        Flush();
        _span = _output.GetSpan(Math.Max(size, MinimumRequest));
        return _span;
    }
}
