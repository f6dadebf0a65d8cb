using System.Reflection;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Readers for arrays and maps: any number of blocks, negative counts with byte sizes, counts bounded by the data.</summary>
internal static class CollectionReaders
{
    public static Delegate CreateArray(ReaderCompiler compiler, Type type, Type item, ArraySchema writer, ArraySchema reader, string path)
    {
        var itemReader = compiler.Build(item, writer.Items, reader.Items, path + "[]");
        var method = type.IsArray ? nameof(ToArray) : nameof(ToList);
        return Invoke(method, [item], [itemReader, SchemaSizes.MinimumSize(writer.Items)]);
    }

    public static Delegate CreateMap(ReaderCompiler compiler, Type type, Type value, MapSchema writer, MapSchema reader, string path)
    {
        var valueReader = compiler.Build(value, writer.Values, reader.Values, path + "{}");
        return Invoke(nameof(ToDictionary), [value], [valueReader, 1 + SchemaSizes.MinimumSize(writer.Values)]);
    }

    private static Delegate Invoke(string name, Type[] types, object[] arguments)
    {
        var method = typeof(CollectionReaders).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;
        return (Delegate)method.MakeGenericMethod(types).Invoke(null, arguments)!;
    }

    private static ValueReader<List<TItem>> ToList<TItem>(ValueReader<TItem> item, int minItemSize) => (ref AvroReader r) =>
    {
        long zeroSize = 0;
        var count = r.ReadBlockCount(minItemSize, ref zeroSize);
        var list = new List<TItem>(count);
        for (; count != 0; count = r.ReadBlockCount(minItemSize, ref zeroSize))
        {
            for (var i = 0; i < count; i++)
            {
                list.Add(item(ref r));
            }
        }

        return list;
    };

    private static ValueReader<TItem[]> ToArray<TItem>(ValueReader<TItem> item, int minItemSize)
    {
        var list = ToList(item, minItemSize);
        return (ref AvroReader r) => [.. list(ref r)];
    }

    private static ValueReader<Dictionary<string, TValue>> ToDictionary<TValue>(ValueReader<TValue> value, int minEntrySize) => (ref AvroReader r) =>
    {
        long zeroSize = 0;
        var count = r.ReadBlockCount(minEntrySize, ref zeroSize);
        var map = new Dictionary<string, TValue>(count, StringComparer.Ordinal);
        for (; count != 0; count = r.ReadBlockCount(minEntrySize, ref zeroSize))
        {
            for (var i = 0; i < count; i++)
            {
                var key = r.ReadString();
                map[key] = value(ref r);
            }
        }

        return map;
    };
}
