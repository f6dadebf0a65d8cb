namespace zamaz.debate.benchmark;

/// <summary>The benchmark schema's <c>Stance</c> enum as avrogen would write it: Apache.Avro maps enum values to
/// symbols by member name, so the members are spelled as the symbols are.</summary>
internal enum Stance
{
    FOR,
    AGAINST,
    NEUTRAL,
}
