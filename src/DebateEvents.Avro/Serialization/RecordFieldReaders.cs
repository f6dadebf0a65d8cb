using System.Reflection;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>
/// The per-field steps of a record reader: writer fields in writer order (read into a property or skipped), then
/// reader fields the writer lacks, filled from their defaults.
/// </summary>
internal static class RecordFieldReaders
{
    private static readonly MethodInfo ReadMethod = typeof(RecordFieldReaders).GetMethod(nameof(ReadInto), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo DefaultMethod = typeof(RecordFieldReaders).GetMethod(nameof(DefaultInto), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static FieldReader<T>[] Create<T>(ReaderCompiler compiler, RecordSchema writer, RecordSchema reader, string path)
    {
        var steps = new List<FieldReader<T>>();
        var matched = new HashSet<RecordField>();
        foreach (var writerField in writer.Fields)
        {
            var readerField = reader.FindReaderFieldFor(writerField.Name);
            var property = readerField is null ? null : MemberAccessors.FindProperty(typeof(T), readerField.Name);
            if (readerField is not null)
            {
                matched.Add(readerField);
            }

            if (property is null)
            {
                var skip = compiler.Skippers.Build(writerField.Schema);
                steps.Add((ref AvroReader r, T _) => skip(ref r));
                continue;
            }

            var fieldPath = path + "." + readerField!.Name;
            var valueReader = compiler.Build(property.PropertyType, writerField.Schema, readerField.Schema, fieldPath);
            steps.Add((FieldReader<T>)ReaderCompiler.Unwrap(() => ReadMethod.MakeGenericMethod(typeof(T), property.PropertyType).Invoke(null, [property, valueReader])!));
        }

        foreach (var readerField in reader.Fields.Where(f => !matched.Contains(f)))
        {
            if (!readerField.HasDefault)
            {
                throw new AvroResolutionException($"{path}.{readerField.Name}: the reader's field has no default and the writer's record '{writer.FullName}' lacks it.");
            }

            if (MemberAccessors.FindProperty(typeof(T), readerField.Name) is { } property)
            {
                var fieldPath = path + "." + readerField.Name;
                var valueReader = compiler.Build(property.PropertyType, readerField.Schema, readerField.Schema, fieldPath);
                var bytes = DefaultValueEncoder.Encode(readerField);
                steps.Add((FieldReader<T>)ReaderCompiler.Unwrap(() => DefaultMethod.MakeGenericMethod(typeof(T), property.PropertyType).Invoke(null, [property, valueReader, bytes])!));
            }
        }

        return [.. steps];
    }

    private static FieldReader<T> ReadInto<T, TField>(PropertyInfo property, ValueReader<TField> valueReader)
    {
        var setter = MemberAccessors.Setter<T, TField>(property);
        return (ref AvroReader r, T target) => setter(target, valueReader(ref r));
    }

    // Decoding the default afresh for each message gives every object its own instance of mutable defaults.
    private static FieldReader<T> DefaultInto<T, TField>(PropertyInfo property, ValueReader<TField> valueReader, byte[] bytes)
    {
        var setter = MemberAccessors.Setter<T, TField>(property);
        return (ref AvroReader _, T target) =>
        {
            var defaults = new AvroReader(bytes);
            setter(target, valueReader(ref defaults));
        };
    }
}
