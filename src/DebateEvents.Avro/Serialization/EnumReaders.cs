using System.Reflection;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Readers for enums: a table from writer index to CLR value, built once; unknown symbols use the reader's default.</summary>
internal static class EnumReaders
{
    public static ValueReader<T>? Create<T>(EnumSchema writer, EnumSchema reader, string path)
    {
        var symbols = writer.Symbols.Select(s => reader.IndexOf(s) >= 0 ? s : reader.Default).ToArray();
        if (typeof(T) == typeof(string))
        {
            return (ValueReader<T>)(object)Table(symbols.Select(s => s ?? "").ToArray(), symbols, path);
        }

        if (!typeof(T).IsEnum)
        {
            return null;
        }

        var method = typeof(EnumReaders).GetMethod(nameof(ForEnum), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (ValueReader<T>)ReaderCompiler.Unwrap(() => method.MakeGenericMethod(typeof(T)).Invoke(null, [symbols, path])!);
    }

    private static ValueReader<TEnum> ForEnum<TEnum>(string?[] symbols, string path)
        where TEnum : struct, Enum
    {
        var byName = Enum.GetValues<TEnum>().ToDictionary(v => MemberAccessors.Normalize(Enum.GetName(v)!));
        var values = new TEnum[symbols.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            if (symbols[i] is { } symbol && !byName.TryGetValue(MemberAccessors.Normalize(symbol), out values[i]))
            {
                throw new AvroTypeMappingException($"{path}: enum {typeof(TEnum).Name} has no member for symbol '{symbol}'.");
            }
        }

        return Table(values, symbols, path);
    }

    private static ValueReader<TValue> Table<TValue>(TValue[] values, string?[] symbols, string path) => (ref AvroReader r) =>
    {
        var start = r.Position;
        var index = r.ReadInt();
        if ((uint)index >= (uint)values.Length)
        {
            throw r.Error($"{path}: enum index {index} is out of range for {values.Length} symbols", start);
        }

        return symbols[index] is not null ? values[index] : throw r.Error($"{path}: the writer's symbol has no match in the reader's enum and no default", start);
    };
}
