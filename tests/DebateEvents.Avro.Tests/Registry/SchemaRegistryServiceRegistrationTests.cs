using Confluent.SchemaRegistry;
using DebateEvents.Avro.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DebateEvents.Avro.Tests.Registry;

public class SchemaRegistryServiceRegistrationTests
{
    [Fact]
    public void AddSchemaRegistry_BindsTheSection_IntoConfluentsClientSettings()
    {
        using var provider = Provider(new Dictionary<string, string?>
        {
            ["SchemaRegistry:Url"] = "https://registry-a:8081, https://registry-b:8081",
            ["SchemaRegistry:BasicAuthUserInfo"] = "user:secret",
            ["SchemaRegistry:SslCaLocation"] = "/etc/ssl/registry-ca.pem",
            ["SchemaRegistry:RequestTimeout"] = "00:00:05",
            ["SchemaRegistry:MaxRetries"] = "2",
            ["SchemaRegistry:Properties:schema.registry.max.cached.schemas"] = "500",
            ["SchemaRegistry:AutoRegisterSchemas"] = "true",
            ["SchemaRegistry:SubjectNameStrategy"] = "Record",
        });

        var options = provider.GetRequiredService<IOptions<SchemaRegistryOptions>>().Value;
        var config = options.ToClientConfig();

        Assert.True(options.AutoRegisterSchemas);
        Assert.Equal(SubjectNameStrategy.Record, options.SubjectNameStrategy);
        Assert.Equal("https://registry-a:8081, https://registry-b:8081", config.Url);
        Assert.Equal(AuthCredentialsSource.UserInfo, config.BasicAuthCredentialsSource);
        Assert.Equal("user:secret", config.BasicAuthUserInfo);
        Assert.Equal("/etc/ssl/registry-ca.pem", config.SslCaLocation);
        Assert.Equal(5000, config.RequestTimeoutMs);
        Assert.Equal(2, config.MaxRetries);
        Assert.Equal(500, config.MaxCachedSchemas);
    }

    [Fact]
    public void AddSchemaRegistry_RegistersConfluentsCachingClient_AndOurSerializers()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["SchemaRegistry:Url"] = "http://localhost:8081" });

        Assert.IsType<CachedSchemaRegistryClient>(provider.GetRequiredService<ISchemaRegistryClient>());
        Assert.NotNull(provider.GetRequiredService<ConfluentAvroSerializer>());
        Assert.NotNull(provider.GetRequiredService<ConfluentAvroDeserializer>());
    }

    [Fact]
    public void AddSchemaRegistry_KeepsAClientTheUserRegistered()
    {
        using var own = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = "http://own-registry:8081" });
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SchemaRegistry:Url"] = "http://localhost:8081" }).Build());
        services.AddSingleton<ISchemaRegistryClient>(own);
        services.AddSchemaRegistry();
        using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<ISchemaRegistryClient>());
    }

    [Theory]
    [InlineData("ftp://registry")]
    [InlineData("mock://scope")]
    [InlineData("http://ok:8081,not a url")]
    [InlineData("")]
    [InlineData(null)]
    public void AddSchemaRegistry_RejectsAMissingOrUnusableUrl(string? url)
    {
        using var provider = Provider(new Dictionary<string, string?> { ["SchemaRegistry:Url"] = url });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SchemaRegistryOptions>>().Value);

        Assert.Contains("SchemaRegistry:Url", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSchemaRegistry();
        return services.BuildServiceProvider();
    }
}
