using System.Reflection;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Writers for enum schemas from C# enums (matched by normalised name: <c>NO_DECISION</c> is <c>NoDecision</c>) or strings.</summary>
internal static class EnumWriters
{
    public static ValueWriter<T>? Create<T>(EnumSchema schema, string path)
    {
        if (typeof(T) == typeof(string))
        {
            return (ValueWriter<T>)(object)(ValueWriter<string>)((ref AvroWriter w, string v) =>
            {
                var index = schema.IndexOf(v ?? throw PrimitiveWriters.Null(path));
                w.WriteInt(index >= 0 ? index : throw Unknown(path, v, schema));
            });
        }

        if (!typeof(T).IsEnum)
        {
            return null;
        }

        var method = typeof(EnumWriters).GetMethod(nameof(CreateForEnum), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (ValueWriter<T>)method.MakeGenericMethod(typeof(T)).Invoke(null, [schema, path])!;
    }

    private static ValueWriter<TEnum> CreateForEnum<TEnum>(EnumSchema schema, string path)
        where TEnum : struct, Enum
    {
        var indexes = new Dictionary<TEnum, int>();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var name = MemberAccessors.Normalize(Enum.GetName(value)!);
            var index = schema.Symbols.ToList().FindIndex(s => MemberAccessors.Normalize(s) == name);
            if (index >= 0)
            {
                indexes[value] = index;
            }
        }

        return (ref AvroWriter w, TEnum v) => w.WriteInt(indexes.TryGetValue(v, out var index) ? index : throw Unknown(path, v, schema));
    }

    private static AvroEncodingException Unknown<TValue>(string path, TValue value, EnumSchema schema) =>
        new($"{path}: '{value}' is not a symbol of enum '{schema.FullName}' ({string.Join(", ", schema.Symbols)}).");
}
