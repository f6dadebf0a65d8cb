namespace DebateEvents.Avro.Schemas;

/// <summary>A record, enum or fixed schema: a type with a full name that other schemas can refer to.</summary>
internal abstract class NamedSchema : AvroSchema
{
    private protected NamedSchema(SchemaName name, IReadOnlyList<string> aliases, string? doc)
    {
        Name = name.Name;
        Namespace = name.Namespace;
        FullName = name.FullName;
        Aliases = aliases;
        Doc = doc;
    }

    /// <summary>The unqualified name, e.g. <c>DebateInitiated</c>.</summary>
    public string Name { get; }

    /// <summary>The namespace, e.g. <c>zamaz.debate.events</c>; null in the null namespace.</summary>
    public string? Namespace { get; }

    /// <summary>The namespace-qualified name used for references and by the RecordName subject strategy.</summary>
    public string FullName { get; }

    /// <summary>Other full names this type answers to during schema resolution.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The documentation string of the type, if any.</summary>
    public string? Doc { get; }

    /// <summary>Whether a writer type named <paramref name="writerFullName"/> resolves to this reader type by name or alias.</summary>
    internal bool AcceptsName(string writerFullName)
    {
        if (FullName == writerFullName || UnqualifiedName(writerFullName) == Name)
        {
            return true;
        }

        foreach (var alias in Aliases)
        {
            if (alias == writerFullName || UnqualifiedName(alias) == UnqualifiedName(writerFullName))
            {
                return true;
            }
        }

        return false;
    }

    private static string UnqualifiedName(string fullName) => fullName[(fullName.LastIndexOf('.') + 1)..];
}
