using DebateEvents.Avro.Compatibility;

namespace DebateEvents.Avro.Registry;

/// <summary>The operations of the Confluent schema registry REST API that producers, consumers and CI need.</summary>
public interface ISchemaRegistryClient
{
    /// <summary>Registers <paramref name="schema"/> under <paramref name="subject"/>, or returns its id if already registered.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="schema">The Avro schema text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The schema's registry-wide id.</returns>
    /// <exception cref="IncompatibleSchemaException">The schema breaks the subject's compatibility level.</exception>
    /// <exception cref="InvalidSchemaException">The schema is not valid Avro.</exception>
    Task<int> RegisterSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default);

    /// <summary>Finds the version of <paramref name="subject"/> that holds <paramref name="schema"/>.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="schema">The Avro schema text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registered schema with its id and version.</returns>
    /// <exception cref="SubjectNotFoundException">The subject does not exist.</exception>
    /// <exception cref="SchemaNotFoundException">The subject does not hold the schema.</exception>
    Task<RegisteredSchema> LookupSchemaAsync(string subject, string schema, CancellationToken cancellationToken = default);

    /// <summary>Gets the schema text registered under <paramref name="id"/>; cached, since ids never change.</summary>
    /// <param name="id">The id from a message's wire-format header.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The schema text.</returns>
    /// <exception cref="SchemaNotFoundException">No schema has the id.</exception>
    Task<string> GetSchemaAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Gets the latest version registered under <paramref name="subject"/>.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The latest registered schema.</returns>
    /// <exception cref="SubjectNotFoundException">The subject does not exist.</exception>
    Task<RegisteredSchema> GetLatestSchemaAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>Tests <paramref name="schema"/> against the subject's latest version at the subject's level.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="schema">The candidate schema text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether the schema could be registered.</returns>
    Task<bool> IsCompatibleAsync(string subject, string schema, CancellationToken cancellationToken = default);

    /// <summary>Gets the compatibility level of a subject, or the global level when <paramref name="subject"/> is null.</summary>
    /// <param name="subject">The subject, or null for the global setting.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The level in force.</returns>
    Task<CompatibilityLevel> GetCompatibilityAsync(string? subject = null, CancellationToken cancellationToken = default);

    /// <summary>Sets the compatibility level of a subject, or the global level when <paramref name="subject"/> is null.</summary>
    /// <param name="level">The level to enforce from now on.</param>
    /// <param name="subject">The subject, or null for the global setting.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The level the registry stored.</returns>
    Task<CompatibilityLevel> SetCompatibilityAsync(CompatibilityLevel level, string? subject = null, CancellationToken cancellationToken = default);
}
