using System.Reflection;
using System.Runtime.InteropServices;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>
/// Writers for arrays and maps: one block with the item count, then the terminating zero. Arrays, lists and
/// dictionaries are walked without allocating an enumerator.
/// </summary>
internal static class CollectionWriters
{
    public static Delegate CreateArray(WriterCompiler compiler, Type type, Type item, ArraySchema schema, string path)
    {
        var itemWriter = compiler.Build(item, schema.Items, path + "[]");
        return Invoke(nameof(Array), [type, item], [itemWriter, path]);
    }

    public static Delegate CreateMap(WriterCompiler compiler, Type type, Type value, MapSchema schema, string path)
    {
        var valueWriter = compiler.Build(value, schema.Values, path + "{}");
        return Invoke(nameof(Map), [type, value], [valueWriter, path]);
    }

    private static Delegate Invoke(string name, Type[] types, object[] arguments) =>
        (Delegate)typeof(CollectionWriters).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(types).Invoke(null, arguments)!;

    private static ValueWriter<T> Array<T, TItem>(ValueWriter<TItem> item, string path) => (ref AvroWriter w, T value) =>
    {
        switch (value)
        {
            case TItem[] array:
                WriteSpan(ref w, array, item);
                break;
            case List<TItem> list:
                WriteSpan(ref w, CollectionsMarshal.AsSpan(list), item);
                break;
            case IReadOnlyList<TItem> readOnlyList:
                WriteList(ref w, readOnlyList, item);
                break;
            case IEnumerable<TItem> sequence:
                WriteSpan(ref w, CollectionsMarshal.AsSpan(sequence.ToList()), item);
                break;
            default:
                throw PrimitiveWriters.Null(path);
        }
    };

    private static void WriteSpan<TItem>(ref AvroWriter w, ReadOnlySpan<TItem> items, ValueWriter<TItem> item)
    {
        if (items.Length > 0)
        {
            w.WriteLong(items.Length);
            foreach (var entry in items)
            {
                item(ref w, entry);
            }
        }

        w.WriteLong(0);
    }

    private static void WriteList<TItem>(ref AvroWriter w, IReadOnlyList<TItem> items, ValueWriter<TItem> item)
    {
        if (items.Count > 0)
        {
            w.WriteLong(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                item(ref w, items[i]);
            }
        }

        w.WriteLong(0);
    }

    private static ValueWriter<T> Map<T, TValue>(ValueWriter<TValue> valueWriter, string path) => (ref AvroWriter w, T map) =>
    {
        switch (map)
        {
            case Dictionary<string, TValue> dictionary:
                if (dictionary.Count > 0)
                {
                    w.WriteLong(dictionary.Count);
                    foreach (var (key, value) in dictionary)
                    {
                        w.WriteString(key);
                        valueWriter(ref w, value);
                    }
                }

                break;
            case IReadOnlyCollection<KeyValuePair<string, TValue>> pairs:
                if (pairs.Count > 0)
                {
                    w.WriteLong(pairs.Count);
                    foreach (var (key, value) in pairs)
                    {
                        w.WriteString(key);
                        valueWriter(ref w, value);
                    }
                }

                break;
            default:
                throw PrimitiveWriters.Null(path);
        }

        w.WriteLong(0);
    };
}
