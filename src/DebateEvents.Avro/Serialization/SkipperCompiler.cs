using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Compiles skippers for writer fields the reader does not want; they validate as they go but build nothing.</summary>
internal sealed class SkipperCompiler
{
    private readonly Dictionary<AvroSchema, ValueSkipper> _records = [];

    public ValueSkipper Build(AvroSchema schema) => schema switch
    {
        { Type: AvroType.Null } => static (ref AvroReader _) => { },
        { Type: AvroType.Boolean } => static (ref AvroReader r) => r.ReadBoolean(),
        { Type: AvroType.Int } => static (ref AvroReader r) => r.ReadInt(),
        { Type: AvroType.Long } => static (ref AvroReader r) => r.ReadLong(),
        { Type: AvroType.Float } => static (ref AvroReader r) => r.Skip(4),
        { Type: AvroType.Double } => static (ref AvroReader r) => r.Skip(8),
        { Type: AvroType.Bytes or AvroType.String } => static (ref AvroReader r) => r.ReadBytesSpan(),
        FixedSchema f => (ref AvroReader r) => r.Skip(f.Size),
        EnumSchema e => (ref AvroReader r) =>
        {
            var start = r.Position;
            var index = r.ReadInt();
            if ((uint)index >= (uint)e.Symbols.Count)
            {
                throw r.Error($"Enum index {index} is out of range for '{e.FullName}'", start);
            }
        },
        ArraySchema a => Blocks(Build(a.Items), SchemaSizes.MinimumSize(a.Items), withKeys: false),
        MapSchema m => Blocks(Build(m.Values), 1 + SchemaSizes.MinimumSize(m.Values), withKeys: true),
        UnionSchema u => Union(u),
        RecordSchema record => Record(record),
        _ => throw new AvroSchemaException($"Unexpected schema {schema}."),
    };

    private ValueSkipper Union(UnionSchema union)
    {
        var branches = union.Branches.Select(Build).ToArray();
        return (ref AvroReader r) =>
        {
            var start = r.Position;
            var index = r.ReadLong();
            if ((ulong)index >= (ulong)branches.Length)
            {
                throw r.Error($"Union index {index} is out of range for {branches.Length} branches", start);
            }

            branches[index](ref r);
        };
    }

    private ValueSkipper Record(RecordSchema record)
    {
        if (_records.TryGetValue(record, out var existing))
        {
            return existing;
        }

        ValueSkipper[]? fields = null;
        ValueSkipper skipper = (ref AvroReader r) =>
        {
            r.EnterNested();
            foreach (var field in fields!)
            {
                field(ref r);
            }

            r.ExitNested();
        };
        _records[record] = skipper;
        fields = record.Fields.Select(f => Build(f.Schema)).ToArray();
        return skipper;
    }

    private static ValueSkipper Blocks(ValueSkipper item, int minItemSize, bool withKeys) => (ref AvroReader r) =>
    {
        long zeroSize = 0;
        for (var count = r.ReadBlockCount(minItemSize, ref zeroSize); count != 0; count = r.ReadBlockCount(minItemSize, ref zeroSize))
        {
            for (var i = 0; i < count; i++)
            {
                if (withKeys)
                {
                    r.ReadBytesSpan();
                }

                item(ref r);
            }
        }
    };
}
