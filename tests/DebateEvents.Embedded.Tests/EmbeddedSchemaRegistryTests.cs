using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Confluent.SchemaRegistry;

namespace DebateEvents.Embedded.Tests;

[Trait("Category", "Integration")]
public sealed class EmbeddedSchemaRegistryTests : IAsyncLifetime
{
    private const string V1 = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"id","type":"string"}]}""";
    private const string V1Reordered = """
        { "namespace": "t", "fields": [ { "type": { "type": "string" }, "name": "id" } ],
          "name": "Thing", "type": "record" }
        """;
    private const string Nested = """
        {"type":"record","name":"Outer","namespace":"t","fields":[
          {"name":"inner","type":{"type":"record","name":"Inner","fields":[{"name":"s","type":{"type":"enum","name":"Suit","symbols":["A"]}}]}},
          {"name":"again","type":["null","Inner"]},{"name":"suits","type":{"type":"array","items":"Suit"}}]}
        """;
    private const string NestedQualified = """
        {"type":"record","name":"t.Outer","fields":[
          {"name":"inner","type":{"type":"record","name":"Inner","namespace":"t","fields":[{"name":"s","type":{"type":"enum","name":"t.Suit","symbols":["A"]}}]}},
          {"name":"again","type":["null","t.Inner"]},{"name":"suits","type":{"type":"array","items":"t.Suit"}}]}
        """;
    private const string V1WithDefault = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"id","type":"string","default":"x"}]}""";
    private const string V2Added = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"id","type":"string"},{"name":"n","type":"int","default":0}]}""";
    private const string Renamed = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"key","type":"string"}]}""";

    private EmbeddedSchemaRegistry _registry = null!;
    private CachedSchemaRegistryClient _client = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _registry = await EmbeddedSchemaRegistry.StartAsync();
        _client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url });
        _http.BaseAddress = new Uri(_registry.Url);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _http.Dispose();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task Register_IdentifiesSchemasByParsedForm_AcrossAttributeOrderAndWhitespace()
    {
        var id = await _client.RegisterSchemaAsync("a", Avro(V1));

        Assert.Equal(id, await Fresh().RegisterSchemaAsync("a", Avro(V1Reordered)));
        Assert.Equal(id, await Fresh().RegisterSchemaAsync("b", Avro(V1Reordered)));
        Assert.Equal([1], await _client.GetSubjectVersionsAsync("a"));
        Assert.NotEqual(id, await _client.RegisterSchemaAsync("a", Avro(V1WithDefault)));
        Assert.Equal(2, (await Fresh().GetLatestSchemaAsync("a")).Version);
    }

    [Fact]
    public async Task Register_IdentifiesNamedTypesByFullName_WhereverTheNamespaceIsWritten()
    {
        var id = await _client.RegisterSchemaAsync("nested", Avro(Nested));

        Assert.Equal(id, await Fresh().RegisterSchemaAsync("nested", Avro(NestedQualified)));
        Assert.Equal([1], await _client.GetSubjectVersionsAsync("nested"));
    }

    [Fact]
    public async Task LookupAndGetById_AnswerWhatWasRegistered()
    {
        var id = await _client.RegisterSchemaAsync("things", Avro(V1));

        var found = await Fresh().LookupSchemaAsync("things", Avro(V1Reordered), ignoreDeletedSchemas: true, normalize: false);
        var byId = await Fresh().GetSchemaAsync(id);

        Assert.Equal((id, 1, "things"), (found.Id, found.Version, found.Subject));
        Assert.Equal(V1, byId.SchemaString);
        Assert.Contains("things", await _client.GetAllSubjectsAsync());
    }

    [Fact]
    public async Task IncompatibleSchema_IsRefusedWith409_UntilTheSubjectLevelAllowsIt()
    {
        await _client.RegisterSchemaAsync("s", Avro(V1));

        var refused = await Assert.ThrowsAsync<SchemaRegistryException>(() => _client.RegisterSchemaAsync("s", Avro(Renamed)));
        Assert.Equal((HttpStatusCode.Conflict, 409), (refused.Status, refused.ErrorCode));
        Assert.Contains("ReaderFieldMissingDefault", refused.Message, StringComparison.Ordinal);
        Assert.False(await _client.IsCompatibleAsync("s", Avro(Renamed)));
        Assert.True(await _client.IsCompatibleAsync("s", Avro(V2Added)));

        Assert.Equal(Compatibility.None, await _client.UpdateCompatibilityAsync(Compatibility.None, "s"));
        Assert.Equal(Compatibility.None, await _client.GetCompatibilityAsync("s"));
        Assert.Equal(Compatibility.Backward, await _client.GetCompatibilityAsync());
        Assert.Equal(2, (await Fresh().LookupSchemaAsync("s", Avro(await RegisterAndReturn("s", Renamed)), true, false)).Version);
    }

    [Theory]
    [InlineData("/subjects/nobody/versions", HttpStatusCode.NotFound, 40401)]
    [InlineData("/subjects/known/versions/7", HttpStatusCode.NotFound, 40402)]
    [InlineData("/schemas/ids/999", HttpStatusCode.NotFound, 40403)]
    public async Task UnknownSubjectVersionOrId_Answer404_WithSchemaRegistrysCodes(string path, HttpStatusCode status, int code)
    {
        await _client.RegisterSchemaAsync("known", Avro(V1));

        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/vnd.schemaregistry.v1+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error_code"]!);
    }

    [Theory]
    [InlineData("""{"schema":"{\"type\":\"record\",\"name\":\"X\"}"}""")]
    [InlineData("""{"schema":"not json"}""")]
    [InlineData("""{"schema":"{}","schemaType":"PROTOBUF"}""")]
    [InlineData("""{"nothing":1}""")]
    public async Task InvalidSchema_Answers422_WithCode42201(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/vnd.schemaregistry.v1+json");

        using var response = await _http.PostAsync(new Uri("/subjects/bad/versions", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(42201, (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error_code"]!);
    }

    [Fact]
    public async Task Instances_KeepTheirOwnSchemas()
    {
        await using var other = await EmbeddedSchemaRegistry.StartAsync();
        using var otherClient = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = other.Url });
        var id = await _client.RegisterSchemaAsync("mine", Avro(V1));

        Assert.NotEqual(_registry.Url, other.Url);
        Assert.Empty(await otherClient.GetAllSubjectsAsync());
        var missing = await Assert.ThrowsAsync<SchemaRegistryException>(() => otherClient.GetSchemaAsync(id + 100));
        Assert.Equal(40403, missing.ErrorCode);
    }

    [Fact]
    public async Task Dispose_Twice_IsHarmless()
    {
        var registry = await EmbeddedSchemaRegistry.StartAsync();

        registry.Dispose();
        await registry.DisposeAsync();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri(registry.Url + "/subjects")));
    }

    private async Task<string> RegisterAndReturn(string subject, string schema)
    {
        await _client.RegisterSchemaAsync(subject, Avro(schema));
        return schema;
    }

    private CachedSchemaRegistryClient Fresh() => new(new SchemaRegistryConfig { Url = _registry.Url });

    private static Schema Avro(string text) => new(text, SchemaType.Avro);
}
