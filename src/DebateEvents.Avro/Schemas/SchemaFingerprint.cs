using System.Text;

namespace DebateEvents.Avro.Schemas;

/// <summary>The CRC-64-AVRO (Rabin) fingerprint the specification defines over a schema's canonical form.</summary>
internal static class SchemaFingerprint
{
    // The specification's EMPTY constant: the fingerprint of zero bytes and the polynomial of the table.
    private const ulong Empty = 0xc15d213aa4d7a795UL;

    private static readonly ulong[] Table = BuildTable();

    /// <summary>Computes the fingerprint of a canonical form string, encoded as UTF-8.</summary>
    /// <param name="canonicalForm">The Parsing Canonical Form of a schema.</param>
    /// <returns>The 64-bit fingerprint, reinterpreted as signed to match the Java implementation's output.</returns>
    public static long Crc64Avro(string canonicalForm)
    {
        ArgumentNullException.ThrowIfNull(canonicalForm);
        return Crc64Avro(Encoding.UTF8.GetBytes(canonicalForm));
    }

    /// <summary>Computes the fingerprint of raw bytes.</summary>
    /// <param name="data">The bytes to fingerprint, usually a UTF-8 canonical form.</param>
    /// <returns>The 64-bit fingerprint, reinterpreted as signed.</returns>
    public static long Crc64Avro(ReadOnlySpan<byte> data)
    {
        var fingerprint = Empty;
        foreach (var b in data)
        {
            fingerprint = (fingerprint >> 8) ^ Table[(int)((fingerprint ^ b) & 0xff)];
        }

        return unchecked((long)fingerprint);
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (ulong i = 0; i < 256; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value >> 1) ^ (Empty & (0UL - (value & 1)));
            }

            table[i] = value;
        }

        return table;
    }
}
