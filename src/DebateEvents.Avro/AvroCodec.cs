using System.Collections.Concurrent;
using System.Reflection;
using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.Serialization;

namespace DebateEvents.Avro;

/// <summary>
/// Creates and caches compiled serializers and deserializers per CLR type and schema instance, and finds the
/// schema an <see cref="IAvroRecord"/> type carries. The entry point for transports that pick types at run time.
/// </summary>
public static class AvroCodec
{
    // Caches keyed by schema instance (reference equality): compiling is costly, and schemas are parsed once per
    // contract type or registry id, so the same instance comes back for every message.
    private static readonly ConcurrentDictionary<(Type, AvroSchema), IAvroSerializer> Serializers = new();
    private static readonly ConcurrentDictionary<(Type, AvroSchema, AvroSchema), IAvroDeserializer> Deserializers = new();

    /// <summary>The cached serializer for <typeparamref name="T"/> with its own schema.</summary>
    /// <typeparam name="T">A generated contract or other <see cref="IAvroRecord"/>.</typeparam>
    /// <returns>The compiled serializer.</returns>
    public static AvroSerializer<T> Serializer<T>()
        where T : IAvroRecord => Serializer<T>(RecordSchemaCache<T>.Schema);

    /// <summary>The cached serializer for <typeparamref name="T"/> with <paramref name="schema"/>.</summary>
    /// <typeparam name="T">The CLR type.</typeparam>
    /// <param name="schema">The writer schema.</param>
    /// <returns>The compiled serializer.</returns>
    public static AvroSerializer<T> Serializer<T>(AvroSchema schema) =>
        (AvroSerializer<T>)Serializers.GetOrAdd((typeof(T), schema), static key => new AvroSerializer<T>(key.Item2));

    /// <summary>The cached deserializer for <typeparamref name="T"/> reading data written with its own schema.</summary>
    /// <typeparam name="T">A generated contract or other <see cref="IAvroRecord"/>.</typeparam>
    /// <returns>The compiled deserializer.</returns>
    public static AvroDeserializer<T> Deserializer<T>()
        where T : IAvroRecord => Deserializer<T>(RecordSchemaCache<T>.Schema, RecordSchemaCache<T>.Schema);

    /// <summary>The cached deserializer resolving <paramref name="writerSchema"/> to <paramref name="readerSchema"/>.</summary>
    /// <typeparam name="T">The CLR type.</typeparam>
    /// <param name="writerSchema">The schema the data was written with.</param>
    /// <param name="readerSchema">The schema of <typeparamref name="T"/>.</param>
    /// <returns>The compiled deserializer.</returns>
    public static AvroDeserializer<T> Deserializer<T>(AvroSchema writerSchema, AvroSchema readerSchema) =>
        (AvroDeserializer<T>)Deserializers.GetOrAdd((typeof(T), writerSchema, readerSchema), static key => new AvroDeserializer<T>(key.Item2, key.Item3));

    /// <summary>The cached serializer for a type known only at run time.</summary>
    /// <param name="type">The CLR type.</param>
    /// <param name="schema">The writer schema.</param>
    /// <returns>The compiled serializer.</returns>
    public static IAvroSerializer Serializer(Type type, AvroSchema schema)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Serializers.GetOrAdd((type, schema), static key => (IAvroSerializer)Create(typeof(AvroSerializer<>), key.Item1, key.Item2));
    }

    /// <summary>The cached deserializer for a type known only at run time.</summary>
    /// <param name="type">The CLR type.</param>
    /// <param name="writerSchema">The schema the data was written with.</param>
    /// <param name="readerSchema">The schema of <paramref name="type"/>.</param>
    /// <returns>The compiled deserializer.</returns>
    public static IAvroDeserializer Deserializer(Type type, AvroSchema writerSchema, AvroSchema readerSchema)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Deserializers.GetOrAdd((type, writerSchema, readerSchema), static key => (IAvroDeserializer)Create(typeof(AvroDeserializer<>), key.Item1, key.Item2, key.Item3));
    }

    /// <summary>The schema a type carries: the public static <c>Schema</c> property of an <see cref="IAvroRecord"/>, or null.</summary>
    /// <param name="type">A CLR type, e.g. a message type chosen at run time.</param>
    /// <returns>The schema, or null.</returns>
    public static AvroSchema? SchemaOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(IAvroRecord).IsAssignableFrom(type))
        {
            return null;
        }

        return type.GetProperty(nameof(IAvroRecord.Schema), BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)?.GetValue(null) as AvroSchema;
    }

    private static object Create(Type generic, Type type, params object[] arguments)
    {
        try
        {
            return Activator.CreateInstance(generic.MakeGenericType(type), arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is AvroException inner)
        {
            throw inner;
        }
    }
}
