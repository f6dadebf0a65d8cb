namespace DebateEvents.Avro.Compatibility;

/// <summary>The schema resolution rule a reader and writer schema pair breaks.</summary>
internal enum CompatibilityRule
{
    /// <summary>The writer's type cannot be read as the reader's type, even with promotion.</summary>
    TypeMismatch,
    /// <summary>Two named types (record, enum, fixed) have different names and no alias links them.</summary>
    NameMismatch,
    /// <summary>Two fixed types have different sizes.</summary>
    FixedSizeMismatch,
    /// <summary>The reader has a field the writer lacks, and the field has no default.</summary>
    ReaderFieldMissingDefault,
    /// <summary>The writer's enum has symbols the reader lacks, and the reader's enum has no default.</summary>
    MissingEnumSymbols,
    /// <summary>A branch of the writer's union matches no branch of the reader's schema.</summary>
    MissingUnionBranch,
}
