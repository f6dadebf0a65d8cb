using System.Reflection;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>
/// Compiles a (writer schema, reader schema, CLR type) triple into one <see cref="ValueReader{T}"/>, applying the
/// specification's resolution rules once at compile time: field matching by name and alias, defaults, skipped
/// fields, promotions, enum defaults and union branch matching.
/// </summary>
internal sealed class ReaderCompiler
{
    private static readonly MethodInfo BuildMethod = typeof(ReaderCompiler).GetMethod(nameof(Build), 1, [typeof(AvroSchema), typeof(AvroSchema), typeof(string)])!;
    private readonly Dictionary<(Type, AvroSchema, AvroSchema), object> _records = [];

    public SkipperCompiler Skippers { get; } = new();

    public ValueReader<T> Build<T>(AvroSchema writer, AvroSchema reader, string path)
    {
        if (writer is UnionSchema writerUnion)
        {
            return UnionReaders.FromWriterUnion<T>(this, writerUnion, reader, path);
        }

        if (writer.Type == AvroType.Null && reader.Type is AvroType.Null or AvroType.Union && ClrTypes.AcceptsNull(typeof(T)))
        {
            return (reader as UnionSchema)?.NullIndex is -1 ? throw Mismatch<T>(writer, reader, path) : static (ref AvroReader _) => default!;
        }

        if (reader is UnionSchema readerUnion)
        {
            var branch = SchemaMatching.FindBranch(writer, readerUnion) ?? throw Mismatch<T>(writer, reader, path);
            return Build<T>(writer, branch, path);
        }

        if (ClrTypes.NullableUnderlying(typeof(T)) is { } underlying)
        {
            var method = typeof(ReaderCompiler).GetMethod(nameof(BuildNullable), BindingFlags.NonPublic | BindingFlags.Instance)!;
            return (ValueReader<T>)Unwrap(() => method.MakeGenericMethod(underlying).Invoke(this, [writer, reader, path])!);
        }

        if (!SchemaMatching.Matches(writer, reader))
        {
            throw Mismatch<T>(writer, reader, path);
        }

        var compiled = (writer, reader) switch
        {
            (RecordSchema w, RecordSchema r) => BuildRecord<T>(w, r, path),
            (EnumSchema w, EnumSchema r) => EnumReaders.Create<T>(w, r, path),
            (ArraySchema w, ArraySchema r) when ClrTypes.ArrayItemType(typeof(T)) is { } item =>
                (ValueReader<T>)CollectionReaders.CreateArray(this, typeof(T), item, w, r, path),
            (MapSchema w, MapSchema r) when ClrTypes.MapValueType(typeof(T)) is { } value =>
                (ValueReader<T>)CollectionReaders.CreateMap(this, typeof(T), value, w, r, path),
            _ => (ValueReader<T>?)PrimitiveReaders.Create(writer, reader, typeof(T)),
        };
        return compiled ?? throw new AvroTypeMappingException($"{path}: {typeof(T).Name} cannot be read as {reader.CanonicalForm}.");
    }

    public Delegate Build(Type type, AvroSchema writer, AvroSchema reader, string path) =>
        Unwrap(() => BuildMethod.MakeGenericMethod(type).Invoke(this, [writer, reader, path])!);

    internal static AvroResolutionException Mismatch<T>(AvroSchema writer, AvroSchema reader, string path) =>
        new($"{path}: data written as {writer.CanonicalForm} cannot be read as {reader.CanonicalForm} into {typeof(T).Name}.");

    internal static Delegate Unwrap(Func<object> invoke)
    {
        try
        {
            return (Delegate)invoke();
        }
        catch (TargetInvocationException ex) when (ex.InnerException is AvroException inner)
        {
            throw inner;
        }
    }

    private ValueReader<TValue?> BuildNullable<TValue>(AvroSchema writer, AvroSchema reader, string path)
        where TValue : struct
    {
        var inner = Build<TValue>(writer, reader, path);
        return (ref AvroReader r) => inner(ref r);
    }

    private ValueReader<T> BuildRecord<T>(RecordSchema writer, RecordSchema reader, string path)
    {
        if (_records.TryGetValue((typeof(T), writer, reader), out var existing))
        {
            var holder = (ReaderHolder<T>)existing;
            return (ref AvroReader r) => holder.Reader!(ref r);
        }

        var slot = new ReaderHolder<T>();
        _records[(typeof(T), writer, reader)] = slot;
        var create = MemberAccessors.Constructor<T>();
        var steps = RecordFieldReaders.Create<T>(this, writer, reader, path);
        ValueReader<T> compiled = (ref AvroReader r) =>
        {
            r.EnterNested();
            var target = create();
            foreach (var step in steps)
            {
                step(ref r, target);
            }

            r.ExitNested();
            return target;
        };
        slot.Reader = compiled;
        return compiled;
    }

    private sealed class ReaderHolder<T>
    {
        public ValueReader<T>? Reader { get; set; }
    }
}
