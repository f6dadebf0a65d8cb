using System;

namespace DebateEvents.Contracts.Generator;

/// <summary>An .avsc additional file's path and text; compared by value so unchanged inputs are not regenerated.</summary>
internal sealed class SchemaFile : IEquatable<SchemaFile>
{
    public SchemaFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    public string Text { get; }

    public bool Equals(SchemaFile? other) => other is not null && Path == other.Path && Text == other.Text;

    public override bool Equals(object? obj) => Equals(obj as SchemaFile);

    public override int GetHashCode() => (Path.GetHashCode() * 31) ^ Text.GetHashCode();
}
