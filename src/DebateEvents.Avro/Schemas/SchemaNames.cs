namespace DebateEvents.Avro.Schemas;

/// <summary>The specification's rules for names: <c>[A-Za-z_][A-Za-z0-9_]*</c>, dot-separated in namespaces.</summary>
internal static class SchemaNames
{
    public static void ValidateIdentifier(string name, string what)
    {
        if (!IsIdentifier(name))
        {
            throw new AvroSchemaException($"'{name}' is not a valid name for a {what}: names match [A-Za-z_][A-Za-z0-9_]*.");
        }
    }

    public static void ValidateFullName(SchemaName name, string kind)
    {
        ValidateIdentifier(name.Name, kind);
        if (PrimitiveSchema.IsPrimitiveName(name.Name) && string.IsNullOrEmpty(name.Namespace))
        {
            throw new AvroSchemaException($"A {kind} may not be named '{name.Name}', which is a primitive type.");
        }

        if (name.Namespace is { Length: > 0 } ns)
        {
            foreach (var part in ns.Split('.'))
            {
                ValidateIdentifier(part, $"namespace part of '{name.FullName}'");
            }
        }
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
