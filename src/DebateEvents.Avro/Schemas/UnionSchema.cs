namespace DebateEvents.Avro.Schemas;

/// <summary>A union schema: a value is one of the branches, written as the branch index then the value.</summary>
internal sealed class UnionSchema : AvroSchema
{
    internal UnionSchema(IReadOnlyList<AvroSchema> branches)
    {
        Branches = branches;
    }

    /// <inheritdoc />
    internal override AvroType Type => AvroType.Union;

    /// <summary>The branches in index order.</summary>
    public IReadOnlyList<AvroSchema> Branches { get; }

    /// <summary>The index of the <c>null</c> branch, or -1 when the union has none.</summary>
    public int NullIndex
    {
        get
        {
            for (var i = 0; i < Branches.Count; i++)
            {
                if (Branches[i].Type == AvroType.Null)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
