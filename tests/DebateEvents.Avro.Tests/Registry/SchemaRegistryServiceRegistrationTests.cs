using DebateEvents.Avro.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DebateEvents.Avro.Tests.Registry;

public class SchemaRegistryServiceRegistrationTests
{
    [Fact]
    public void AddSchemaRegistry_BindsTheSection_AndUsesTheMockForMockUrls()
    {
        using var provider = Provider(new Dictionary<string, string?>
        {
            ["SchemaRegistry:Url"] = "mock://" + Guid.NewGuid().ToString("N"),
            ["SchemaRegistry:AutoRegisterSchemas"] = "true",
            ["SchemaRegistry:SubjectNameStrategy"] = "RecordName",
        });

        var options = provider.GetRequiredService<IOptions<SchemaRegistryOptions>>().Value;

        Assert.True(options.AutoRegisterSchemas);
        Assert.Equal(SubjectNameStrategy.RecordName, options.SubjectNameStrategy);
        Assert.IsType<MockSchemaRegistryClient>(provider.GetRequiredService<ISchemaRegistryClient>());
        Assert.NotNull(provider.GetRequiredService<ConfluentAvroSerializer>());
    }

    [Fact]
    public void AddSchemaRegistry_CreatesAnHttpClientForHttpUrls()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["SchemaRegistry:Url"] = "http://localhost:8081" });

        Assert.IsType<SchemaRegistryClient>(provider.GetRequiredService<ISchemaRegistryClient>());
    }

    [Theory]
    [InlineData("ftp://registry")]
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
