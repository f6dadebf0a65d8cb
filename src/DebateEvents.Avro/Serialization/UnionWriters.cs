using System.Reflection;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Writers for unions: the null branch for null CLR values and the first branch the CLR type maps to otherwise.</summary>
internal static class UnionWriters
{
    public static ValueWriter<T> Create<T>(WriterCompiler compiler, UnionSchema union, string path)
    {
        var nullIndex = union.NullIndex;
        var underlying = ClrTypes.NullableUnderlying(typeof(T));
        var (index, inner) = FirstMappableBranch(compiler, union, underlying ?? typeof(T), path);
        if (underlying is not null)
        {
            var method = typeof(UnionWriters).GetMethod(nameof(NullableValue), BindingFlags.NonPublic | BindingFlags.Static)!;
            return (ValueWriter<T>)method.MakeGenericMethod(underlying).Invoke(null, [nullIndex, index, inner, path])!;
        }

        var typed = (ValueWriter<T>?)inner;
        return (ref AvroWriter w, T v) =>
        {
            if (v is null)
            {
                w.WriteLong(nullIndex >= 0 ? nullIndex : throw PrimitiveWriters.Null(path));
                return;
            }

            w.WriteLong(index >= 0 ? index : throw new AvroEncodingException($"{path}: the union has only a null branch."));
            typed!(ref w, v);
        };
    }

    /// <summary>A <c>Nullable&lt;T&gt;</c> written to a non-union schema: null is an error.</summary>
    public static Delegate CreateNonNullable(WriterCompiler compiler, Type underlying, AvroSchema schema, string path)
    {
        var method = typeof(UnionWriters).GetMethod(nameof(NonNullable), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (Delegate)method.MakeGenericMethod(underlying).Invoke(null, [compiler.Build(underlying, schema, path), path])!;
    }

    private static (int Index, Delegate? Writer) FirstMappableBranch(WriterCompiler compiler, UnionSchema union, Type type, string path)
    {
        var failures = new List<string>();
        for (var i = 0; i < union.Branches.Count; i++)
        {
            if (union.Branches[i].Type == AvroType.Null)
            {
                continue;
            }

            try
            {
                return (i, compiler.Build(type, union.Branches[i], path));
            }
            catch (AvroTypeMappingException ex)
            {
                failures.Add(ex.Message);
            }
        }

        return union.NullIndex >= 0 && failures.Count == 0
            ? (-1, null)
            : throw new AvroTypeMappingException($"{path}: no branch of the union accepts {type.Name}: {string.Join("; ", failures)}");
    }

    private static ValueWriter<TValue?> NullableValue<TValue>(int nullIndex, int index, ValueWriter<TValue> inner, string path)
        where TValue : struct => (ref AvroWriter w, TValue? v) =>
        {
            if (v.HasValue)
            {
                w.WriteLong(index);
                inner(ref w, v.GetValueOrDefault());
            }
            else
            {
                w.WriteLong(nullIndex >= 0 ? nullIndex : throw PrimitiveWriters.Null(path));
            }
        };

    private static ValueWriter<TValue?> NonNullable<TValue>(ValueWriter<TValue> inner, string path)
        where TValue : struct => (ref AvroWriter w, TValue? v) => inner(ref w, v ?? throw PrimitiveWriters.Null(path));
}
