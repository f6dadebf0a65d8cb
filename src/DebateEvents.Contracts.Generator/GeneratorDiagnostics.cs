using Microsoft.CodeAnalysis;

namespace DebateEvents.Contracts.Generator;

// The generator ships inside this repository only, so analyzer release tracking (RS2008) does not apply.
#pragma warning disable RS2008

/// <summary>Errors the generator reports against .avsc files.</summary>
internal static class GeneratorDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidSchema = new(
        "DEAVRO001",
        "Invalid Avro schema",
        "{0}: {1}",
        "DebateEvents.Contracts",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConflictingDefinitions = new(
        "DEAVRO002",
        "Conflicting Avro type definitions",
        "Type '{0}' is defined differently in {1} and {2}",
        "DebateEvents.Contracts",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
