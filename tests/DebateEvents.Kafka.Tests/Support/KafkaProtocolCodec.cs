using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>
/// The big-endian primitives of the non-flexible Kafka protocol versions: int16/int32, booleans,
/// int16-length strings (-1 = null) and int32-count arrays (-1 = null).
/// </summary>
internal static class KafkaProtocolCodec
{
    /// <summary>Reads one request frame (without its size prefix) front to back.</summary>
    internal sealed class Reader(ReadOnlyMemory<byte> buffer)
    {
        private int _position;

        public short Int16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

        public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

        public bool Boolean() => Take(1)[0] != 0;

        public byte[] Bytes() => Take(Int32()).ToArray();

        public string? NullableString()
        {
            var length = Int16();
            return length < 0 ? null : Encoding.UTF8.GetString(Take(length));
        }

        public string String() => NullableString() ?? throw new InvalidDataException($"Null string at offset {_position - 2}");

        /// <summary>An array whose null encoding (-1) comes back as null.</summary>
        public List<T>? NullableArray<T>(Func<Reader, T> read)
        {
            var count = Int32();
            if (count < 0)
            {
                return null;
            }

            var items = new List<T>(count);
            for (var i = 0; i < count; i++)
            {
                items.Add(read(this));
            }

            return items;
        }

        public List<T> Array<T>(Func<Reader, T> read) => NullableArray(read) ?? [];

        private ReadOnlySpan<byte> Take(int count)
        {
            if (_position + count > buffer.Length)
            {
                throw new InvalidDataException($"Frame of {buffer.Length} bytes ends before {count} bytes at offset {_position}");
            }

            var span = buffer.Span.Slice(_position, count);
            _position += count;
            return span;
        }
    }

    /// <summary>Builds one response; <see cref="ToFrame"/> adds the int32 size prefix.</summary>
    internal sealed class Writer
    {
        private readonly ArrayBufferWriter<byte> _body = new();

        public Writer Int16(short value)
        {
            BinaryPrimitives.WriteInt16BigEndian(_body.GetSpan(2), value);
            _body.Advance(2);
            return this;
        }

        public Writer Int32(int value)
        {
            BinaryPrimitives.WriteInt32BigEndian(_body.GetSpan(4), value);
            _body.Advance(4);
            return this;
        }

        public Writer Boolean(bool value)
        {
            _body.Write([value ? (byte)1 : (byte)0]);
            return this;
        }

        public Writer String(string? value)
        {
            if (value is null)
            {
                return Int16(-1);
            }

            var bytes = Encoding.UTF8.GetBytes(value);
            Int16(checked((short)bytes.Length));
            _body.Write(bytes);
            return this;
        }

        public Writer Array<T>(IReadOnlyCollection<T> items, Action<Writer, T> write)
        {
            Int32(items.Count);
            foreach (var item in items)
            {
                write(this, item);
            }

            return this;
        }

        public byte[] ToFrame()
        {
            var frame = new byte[4 + _body.WrittenCount];
            BinaryPrimitives.WriteInt32BigEndian(frame, _body.WrittenCount);
            _body.WrittenSpan.CopyTo(frame.AsSpan(4));
            return frame;
        }
    }
}
