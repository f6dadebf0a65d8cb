using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Readers for data written with a union: each writer branch is resolved against the reader at compile time.</summary>
internal static class UnionReaders
{
    public static ValueReader<T> FromWriterUnion<T>(ReaderCompiler compiler, UnionSchema writer, AvroSchema reader, string path)
    {
        var branches = new ValueReader<T>[writer.Branches.Count];
        var resolvable = 0;
        for (var i = 0; i < branches.Length; i++)
        {
            try
            {
                branches[i] = compiler.Build<T>(writer.Branches[i], reader, path);
                resolvable++;
            }
            catch (AvroException ex) when (ex is AvroResolutionException or AvroTypeMappingException)
            {
                // The specification makes an unresolvable branch an error only when data actually uses it.
                var message = ex.Message;
                branches[i] = (ref AvroReader r) => throw r.Error($"{path}: union branch is not readable: {message}");
            }
        }

        if (resolvable == 0)
        {
            throw ReaderCompiler.Mismatch<T>(writer, reader, path);
        }

        return (ref AvroReader r) =>
        {
            var start = r.Position;
            var index = r.ReadLong();
            return (ulong)index < (ulong)branches.Length
                ? branches[index](ref r)
                : throw r.Error($"{path}: union index {index} is out of range for {branches.Length} branches", start);
        };
    }
}
