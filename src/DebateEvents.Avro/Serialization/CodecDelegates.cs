using DebateEvents.Avro.Binary;

namespace DebateEvents.Avro.Serialization;

/// <summary>Writes one value of a compiled type and schema.</summary>
internal delegate void ValueWriter<in T>(ref AvroWriter writer, T value);

/// <summary>Reads one value, resolving a writer schema to a reader schema and CLR type.</summary>
internal delegate T ValueReader<out T>(ref AvroReader reader);

/// <summary>Reads (or skips) one writer field into the object under construction.</summary>
internal delegate void FieldReader<in T>(ref AvroReader reader, T target);

/// <summary>Consumes one value of a writer schema without materialising it.</summary>
internal delegate void ValueSkipper(ref AvroReader reader);
