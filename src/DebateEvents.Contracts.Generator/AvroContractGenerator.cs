using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DebateEvents.Contracts.Generator;

/// <summary>
/// Generates a C# record for every Avro record and a C# enum for every Avro enum in the project's .avsc additional
/// files, so the schemas in <c>schemas/</c> stay the single source of truth for the event contracts.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AvroContractGenerator : IIncrementalGenerator
{
    /// <summary>Registers the pipeline: collect the .avsc files, build models, emit one source per named type.</summary>
    /// <param name="context">The generator context supplied by the compiler.</param>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemas = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, ct) => new SchemaFile(file.Path, file.GetText(ct)?.ToString() ?? string.Empty))
            .Collect();
        context.RegisterSourceOutput(schemas, static (production, files) => Emit(production, files));
    }

    private static void Emit(SourceProductionContext production, ImmutableArray<SchemaFile> files)
    {
        var emitted = new Dictionary<string, NamedTypeModel>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            List<NamedTypeModel> models;
            try
            {
                models = ModelBuilder.Build(file);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException)
            {
                production.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.InvalidSchema, Location.None, file.Path, ex.Message));
                continue;
            }

            foreach (var model in models)
            {
                // Event schemas repeat shared types (an enum used by two events); emit each once.
                if (emitted.TryGetValue(model.AvroFullName, out var existing))
                {
                    if (existing.Definition != model.Definition)
                    {
                        production.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.ConflictingDefinitions, Location.None, model.AvroFullName, existing.SourcePath, model.SourcePath));
                    }

                    continue;
                }

                emitted[model.AvroFullName] = model;
                production.AddSource(model.AvroFullName + ".g.cs", CSharpEmitter.Emit(model));
            }
        }
    }
}
