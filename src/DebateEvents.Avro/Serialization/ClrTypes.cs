namespace DebateEvents.Avro.Serialization;

/// <summary>Recognises the CLR shapes the codec maps to Avro arrays, maps and nullable unions.</summary>
internal static class ClrTypes
{
    /// <summary>The item type of <c>T[]</c>, <c>List&lt;T&gt;</c> or a read-only list, collection or enumerable interface.</summary>
    public static Type? ArrayItemType(Type type)
    {
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>)
            || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>The value type of <c>Dictionary&lt;string, T&gt;</c> or its read-only and mutable interfaces.</summary>
    public static Type? MapValueType(Type type)
    {
        if (!type.IsGenericType || type.GetGenericArguments()[0] != typeof(string))
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>)
            ? type.GetGenericArguments()[1]
            : null;
    }

    /// <summary>The underlying type of <c>Nullable&lt;T&gt;</c>, or null.</summary>
    public static Type? NullableUnderlying(Type type) => Nullable.GetUnderlyingType(type);

    public static bool AcceptsNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;
}
