namespace DebateEvents.Avro.Compatibility;

/// <summary>One broken resolution rule, found by comparing a reader schema with a writer schema.</summary>
/// <param name="Path">Where in the reader's schema, e.g. <c>/DebateCompleted/winning_position</c>.</param>
/// <param name="Rule">The rule broken.</param>
/// <param name="Detail">A sentence with the names and types involved.</param>
internal sealed record SchemaIncompatibility(string Path, CompatibilityRule Rule, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Rule}: {Detail}";
}
