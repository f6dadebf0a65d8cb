using System.Reflection;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>
/// Compiles a schema and a CLR type into one <see cref="ValueWriter{T}"/>: a tree of delegates specialised for each
/// field, with property getters compiled from expression trees, so that nothing is looked up per message.
/// </summary>
internal sealed class WriterCompiler
{
    private static readonly MethodInfo BuildMethod = typeof(WriterCompiler).GetMethod(nameof(Build), 1, [typeof(AvroSchema), typeof(string)])!;
    private static readonly MethodInfo PropertyStepMethod = typeof(WriterCompiler).GetMethod(nameof(BuildPropertyStep), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private readonly Dictionary<(Type, AvroSchema), object> _records = [];

    public ValueWriter<T> Build<T>(AvroSchema schema, string path)
    {
        var type = typeof(T);
        if (schema is UnionSchema union)
        {
            return UnionWriters.Create<T>(this, union, path);
        }

        if (ClrTypes.NullableUnderlying(type) is { } underlying)
        {
            return (ValueWriter<T>)UnionWriters.CreateNonNullable(this, underlying, schema, path);
        }

        var writer = schema switch
        {
            { Type: AvroType.Null } => static (ref AvroWriter _, T _) => { },
            RecordSchema record => BuildRecord<T>(record, path),
            EnumSchema enumSchema => EnumWriters.Create<T>(enumSchema, path),
            ArraySchema array when ClrTypes.ArrayItemType(type) is { } item => (ValueWriter<T>)CollectionWriters.CreateArray(this, type, item, array, path),
            MapSchema map when ClrTypes.MapValueType(type) is { } value => (ValueWriter<T>)CollectionWriters.CreateMap(this, type, value, map, path),
            _ => (ValueWriter<T>?)PrimitiveWriters.Create(schema, type, path),
        };
        return writer ?? throw new AvroTypeMappingException($"{path}: {type.Name} cannot be written as {schema.CanonicalForm}.");
    }

    public Delegate Build(Type type, AvroSchema schema, string path)
    {
        try
        {
            return (Delegate)BuildMethod.MakeGenericMethod(type).Invoke(this, [schema, path])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is AvroException inner)
        {
            throw inner;
        }
    }

    private ValueWriter<T> BuildRecord<T>(RecordSchema record, string path)
    {
        if (_records.TryGetValue((typeof(T), record), out var existing))
        {
            // A recursive schema: call through the holder, filled in once the outer record is compiled.
            var holder = (WriterHolder<T>)existing;
            return (ref AvroWriter w, T v) => holder.Writer!(ref w, v);
        }

        var slot = new WriterHolder<T>();
        _records[(typeof(T), record)] = slot;
        var steps = record.Fields.Select(f => BuildField<T>(f, path + "." + f.Name)).ToArray();
        ValueWriter<T> writer = (ref AvroWriter w, T v) =>
        {
            if (v is null)
            {
                throw PrimitiveWriters.Null(path);
            }

            w.EnterNested();
            foreach (var step in steps)
            {
                step(ref w, v);
            }

            w.ExitNested();
        };
        slot.Writer = writer;
        return writer;
    }

    private ValueWriter<T> BuildField<T>(RecordField field, string path)
    {
        var property = MemberAccessors.FindProperty(typeof(T), field.Name);
        if (property?.GetMethod is not null)
        {
            try
            {
                return (ValueWriter<T>)PropertyStepMethod.MakeGenericMethod(typeof(T), property.PropertyType).Invoke(this, [property, field.Schema, path])!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is AvroException inner)
            {
                throw inner;
            }
        }

        if (!field.HasDefault)
        {
            throw new AvroTypeMappingException($"{path}: {typeof(T).Name} has no property for field '{field.Name}', which has no default.");
        }

        var bytes = DefaultValueEncoder.Encode(field);
        return (ref AvroWriter w, T _) => w.WriteFixed(bytes);
    }

    private ValueWriter<T> BuildPropertyStep<T, TField>(PropertyInfo property, AvroSchema schema, string path)
    {
        var getter = MemberAccessors.Getter<T, TField>(property);
        var inner = Build<TField>(schema, path);
        return (ref AvroWriter w, T v) => inner(ref w, getter(v));
    }

    private sealed class WriterHolder<T>
    {
        public ValueWriter<T>? Writer { get; set; }
    }
}
