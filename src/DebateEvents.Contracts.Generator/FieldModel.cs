namespace DebateEvents.Contracts.Generator;

/// <summary>A record field mapped to a C# property.</summary>
internal sealed class FieldModel
{
    public FieldModel(string avroName, string propertyName, string csharpType, string? doc, string? initializer, bool required)
    {
        AvroName = avroName;
        PropertyName = propertyName;
        CSharpType = csharpType;
        Doc = doc;
        Initializer = initializer;
        Required = required;
    }

    public string AvroName { get; }

    public string PropertyName { get; }

    public string CSharpType { get; }

    public string? Doc { get; }

    /// <summary>A C# expression for the field's Avro default, when it has a simple one.</summary>
    public string? Initializer { get; }

    /// <summary>Whether callers must set the property (the field has no default).</summary>
    public bool Required { get; }
}
