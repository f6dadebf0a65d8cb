using System.Linq.Expressions;
using System.Reflection;

namespace DebateEvents.Avro.Serialization;

/// <summary>
/// Finds the property that carries a schema field and compiles getters, setters and constructors with expression
/// trees, so per-message access costs a delegate call instead of reflection.
/// </summary>
internal static class MemberAccessors
{
    /// <summary>Matches <c>debate_id</c> to <c>DebateId</c>: exact name first, then ignoring case and underscores.</summary>
    public static PropertyInfo? FindProperty(Type type, string fieldName)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        return properties.FirstOrDefault(p => p.Name == fieldName)
            ?? properties.FirstOrDefault(p => Normalize(p.Name) == Normalize(fieldName));
    }

    public static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    public static Func<T, TField> Getter<T, TField>(PropertyInfo property)
    {
        var target = Expression.Parameter(typeof(T), "target");
        return Expression.Lambda<Func<T, TField>>(Expression.Property(target, property), target).Compile();
    }

    public static Action<T, TField> Setter<T, TField>(PropertyInfo property)
    {
        if (property.SetMethod is null)
        {
            throw new AvroTypeMappingException($"Property {typeof(T).Name}.{property.Name} has no setter or init accessor.");
        }

        var target = Expression.Parameter(typeof(T), "target");
        var value = Expression.Parameter(typeof(TField), "value");
        var assign = Expression.Call(target, property.SetMethod, value);
        return Expression.Lambda<Action<T, TField>>(assign, target, value).Compile();
    }

    public static Func<T> Constructor<T>()
    {
        if (typeof(T).IsValueType || typeof(T).GetConstructor(Type.EmptyTypes) is null)
        {
            throw new AvroTypeMappingException($"Type {typeof(T).Name} needs to be a class with a parameterless constructor to be read.");
        }

        return Expression.Lambda<Func<T>>(Expression.New(typeof(T))).Compile();
    }
}
