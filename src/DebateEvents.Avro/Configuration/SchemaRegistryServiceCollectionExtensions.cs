using Confluent.SchemaRegistry;
using DebateEvents.Avro.Registry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Confluent's schema registry client and our Confluent-format Avro serializers with dependency injection.</summary>
public static class SchemaRegistryServiceCollectionExtensions
{
    /// <summary>The configuration section read by default.</summary>
    public const string DefaultSection = "SchemaRegistry";

    /// <summary>
    /// Binds <see cref="SchemaRegistryOptions"/> from <paramref name="configSectionPath"/> (environment variables such as
    /// <c>SchemaRegistry__Url</c> override it), validates them at start, and registers Confluent's
    /// <see cref="CachedSchemaRegistryClient"/> as <see cref="ISchemaRegistryClient"/> (unless one is registered
    /// already: a client of your own is used as it is), <see cref="ConfluentAvroSerializer"/> and <see cref="ConfluentAvroDeserializer"/>.
    /// </summary>
    public static IServiceCollection AddSchemaRegistry(this IServiceCollection services, string configSectionPath = DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SchemaRegistryOptions>()
            .BindConfiguration(configSectionPath)
            .Validate(HasUsableUrls, $"{configSectionPath}:Url must be one or more http(s) URLs separated by commas.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.MaxRetries is >= 0 and <= 10, $"{configSectionPath}: RequestTimeout must be positive and MaxRetries 0 to 10.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => Options(sp).CreateClient());
        services.TryAddSingleton(sp => new ConfluentAvroSerializer(sp.GetRequiredService<ISchemaRegistryClient>(), Options(sp)));
        services.TryAddSingleton(sp => new ConfluentAvroDeserializer(sp.GetRequiredService<ISchemaRegistryClient>()));
        return services;
    }

    private static SchemaRegistryOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<SchemaRegistryOptions>>().Value;

    private static bool HasUsableUrls(SchemaRegistryOptions options) =>
        !string.IsNullOrWhiteSpace(options.Url)
        && options.Url.Split(',').All(url => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
