using System.Buffers.Binary;
using System.Text;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Packs record headers into one column: for each header a 4-byte name length, the UTF-8 name,
/// a 4-byte value length and the value bytes, in write order.
/// </summary>
internal static class HeaderCodec
{
    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, byte[]>> headers)
    {
        // Indexed loops: foreach over the interface would box the list's enumerator, twice per event.
        var size = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            size += 8 + Encoding.UTF8.GetByteCount(headers[i].Key) + headers[i].Value.Length;
        }

        var buffer = new byte[size];
        var span = buffer.AsSpan();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            var nameLength = Encoding.UTF8.GetBytes(header.Key, span[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(span, nameLength);
            span = span[(4 + nameLength)..];
            BinaryPrimitives.WriteInt32LittleEndian(span, header.Value.Length);
            header.Value.CopyTo(span[4..]);
            span = span[(4 + header.Value.Length)..];
        }

        return buffer;
    }

    public static List<KeyValuePair<string, byte[]>> Decode(byte[] encoded)
    {
        var headers = new List<KeyValuePair<string, byte[]>>(9);
        ReadOnlySpan<byte> span = encoded;
        while (!span.IsEmpty)
        {
            var nameLength = BinaryPrimitives.ReadInt32LittleEndian(span);
            var name = Encoding.UTF8.GetString(span.Slice(4, nameLength));
            span = span[(4 + nameLength)..];
            var valueLength = BinaryPrimitives.ReadInt32LittleEndian(span);
            var value = span.Slice(4, valueLength).ToArray();
            span = span[(4 + valueLength)..];
            headers.Add(new(name, value));
        }

        return headers;
    }
}
