namespace DebateEvents.Avro.Schemas;

/// <summary>A full name split into its name and namespace, following the specification's namespace rules.</summary>
internal readonly record struct SchemaName(string Name, string? Namespace)
{
    public string FullName => string.IsNullOrEmpty(Namespace) ? Name : Namespace + "." + Name;

    /// <summary>Resolves a name as written in a schema against the namespace in effect.</summary>
    public static SchemaName Resolve(string name, string? explicitNamespace, string? enclosingNamespace)
    {
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            return new SchemaName(name[(dot + 1)..], name[..dot]);
        }

        var ns = explicitNamespace ?? enclosingNamespace;
        return new SchemaName(name, string.IsNullOrEmpty(ns) ? null : ns);
    }
}
