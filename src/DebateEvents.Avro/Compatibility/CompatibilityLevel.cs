namespace DebateEvents.Avro.Compatibility;

/// <summary>The compatibility levels of the Confluent schema registry.</summary>
public enum CompatibilityLevel
{
    /// <summary>The new schema can read data written with the latest version (consumers upgrade first). The default.</summary>
    Backward,
    /// <summary>The new schema can read data written with every earlier version.</summary>
    BackwardTransitive,
    /// <summary>The latest version can read data written with the new schema (producers upgrade first).</summary>
    Forward,
    /// <summary>Every earlier version can read data written with the new schema.</summary>
    ForwardTransitive,
    /// <summary>Both backward and forward against the latest version.</summary>
    Full,
    /// <summary>Both backward and forward against every earlier version.</summary>
    FullTransitive,
    /// <summary>No checks.</summary>
    None,
}
