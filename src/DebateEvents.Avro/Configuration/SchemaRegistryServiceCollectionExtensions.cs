using DebateEvents.Avro.Registry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the schema registry client and the Confluent Avro serializers with dependency injection.</summary>
public static class SchemaRegistryServiceCollectionExtensions
{
    /// <summary>The configuration section read by default.</summary>
    public const string DefaultSection = "SchemaRegistry";

    /// <summary>
    /// Binds <see cref="SchemaRegistryOptions"/> from <paramref name="configSectionPath"/> (environment variables such as
    /// <c>SchemaRegistry__Url</c> override it), validates them at start, and registers <see cref="ISchemaRegistryClient"/>
    /// (HTTP, or in-process for <c>mock://</c> URLs), <see cref="ConfluentAvroSerializer"/> and <see cref="ConfluentAvroDeserializer"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configSectionPath">The configuration section holding the options.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddSchemaRegistry(this IServiceCollection services, string configSectionPath = DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SchemaRegistryOptions>()
            .BindConfiguration(configSectionPath)
            .Validate(HasUsableUrl, $"{configSectionPath}:Url must be an http(s) URL or mock://scope.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.MaxRetries is >= 0 and <= 10, $"{configSectionPath}: RequestTimeout must be positive and MaxRetries 0 to 10.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => SchemaRegistryClientFactory.Create(Options(sp)));
        services.TryAddSingleton(sp => new ConfluentAvroSerializer(sp.GetRequiredService<ISchemaRegistryClient>(), Options(sp)));
        services.TryAddSingleton(sp => new ConfluentAvroDeserializer(sp.GetRequiredService<ISchemaRegistryClient>()));
        return services;
    }

    private static SchemaRegistryOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<SchemaRegistryOptions>>().Value;

    private static bool HasUsableUrl(SchemaRegistryOptions options) =>
        options.IsMock
        || (!string.IsNullOrWhiteSpace(options.Url) && Uri.TryCreate(options.Url.Split(',')[0].Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
