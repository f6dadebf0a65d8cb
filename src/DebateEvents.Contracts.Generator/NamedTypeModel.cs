using System.Collections.Generic;

namespace DebateEvents.Contracts.Generator;

/// <summary>A record or enum found in an .avsc file, with everything the emitter needs.</summary>
internal sealed class NamedTypeModel
{
    public NamedTypeModel(string avroFullName, string csharpNamespace, string csharpName, string? doc, bool isEnum, string definition, string sourcePath)
    {
        AvroFullName = avroFullName;
        CSharpNamespace = csharpNamespace;
        CSharpName = csharpName;
        Doc = doc;
        IsEnum = isEnum;
        Definition = definition;
        SourcePath = sourcePath;
    }

    public string AvroFullName { get; }

    public string CSharpNamespace { get; }

    public string CSharpName { get; }

    public string? Doc { get; }

    public bool IsEnum { get; }

    /// <summary>The type's own JSON, compact, used to detect a name defined differently in two files.</summary>
    public string Definition { get; }

    public string SourcePath { get; }

    public List<FieldModel> Fields { get; } = new();

    public List<string> Symbols { get; } = new();

    /// <summary>The whole file's schema, compact, for top-level records; null for nested types and enums.</summary>
    public string? SchemaJson { get; set; }
}
