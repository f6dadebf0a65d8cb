using System.Net;
using System.Text;
using DebateEvents.Avro.Compatibility;
using DebateEvents.Avro.Registry;
using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Registry;

[Trait("Category", "Integration")]
public sealed class SchemaRegistryHttpTests : IAsyncLifetime
{
    private const string V1 = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"id","type":"string"}]}""";
    private const string V2 = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"id","type":"string"},{"name":"note","type":["null","string"],"default":null}]}""";
    private const string Breaking = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"id","type":"string"},{"name":"owner","type":"string"}]}""";

    private readonly LoopbackSchemaRegistry _server = new();
    private SchemaRegistryClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new SchemaRegistryClient(Options());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Register_Lookup_GetById_Latest_FollowTheRestContract()
    {
        var subject = "things-" + Guid.NewGuid().ToString("N");

        var id1 = await _client.RegisterSchemaAsync(subject, V1);
        var id2 = await _client.RegisterSchemaAsync(subject, V2);
        var looked = await _client.LookupSchemaAsync(subject, V1);
        var latest = await _client.GetLatestSchemaAsync(subject);

        Assert.NotEqual(id1, id2);
        Assert.Equal(new RegisteredSchema(subject, id1, 1, V1), looked);
        Assert.Equal((id2, 2, V2), (latest.Id, latest.Version, latest.Schema));
        Assert.Equal(V1, await new SchemaRegistryClient(Options()).GetSchemaAsync(id1));
        Assert.All(_server.AcceptHeaders, accept => Assert.Contains("application/vnd.schemaregistry.v1+json", accept, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ErrorBodies_MapToTypedExceptions()
    {
        var subject = "errors-" + Guid.NewGuid().ToString("N");
        await _client.RegisterSchemaAsync(subject, V1);

        var notFound = await Assert.ThrowsAsync<SubjectNotFoundException>(() => _client.GetLatestSchemaAsync("missing-" + subject));
        var noSchema = await Assert.ThrowsAsync<SchemaNotFoundException>(() => _client.GetSchemaAsync(987654));
        var notInSubject = await Assert.ThrowsAsync<SchemaNotFoundException>(() => _client.LookupSchemaAsync(subject, V2));
        var incompatible = await Assert.ThrowsAsync<IncompatibleSchemaException>(() => _client.RegisterSchemaAsync(subject, Breaking));
        var invalid = await Assert.ThrowsAsync<InvalidSchemaException>(() => _client.RegisterSchemaAsync(subject, "{\"type\":\"nonsense\"}"));

        Assert.Equal((HttpStatusCode.NotFound, 40401), (notFound.StatusCode, notFound.ErrorCode));
        Assert.Equal(40403, noSchema.ErrorCode);
        Assert.Equal(40403, notInSubject.ErrorCode);
        Assert.Equal((HttpStatusCode.Conflict, 409), (incompatible.StatusCode, incompatible.ErrorCode));
        Assert.Contains("/Thing/owner: ReaderFieldMissingDefault", incompatible.Message, StringComparison.Ordinal);
        Assert.Equal(42201, invalid.ErrorCode);
    }

    [Fact]
    public async Task CompatibilityCheckAndConfig_UseTheSubjectLevel()
    {
        var subject = "config-" + Guid.NewGuid().ToString("N");
        await _client.RegisterSchemaAsync(subject, V1);

        Assert.Equal(CompatibilityLevel.Backward, await _client.GetCompatibilityAsync(subject));
        Assert.False(await _client.IsCompatibleAsync(subject, Breaking));
        Assert.Equal(CompatibilityLevel.None, await _client.SetCompatibilityAsync(CompatibilityLevel.None, subject));
        Assert.True(await _client.IsCompatibleAsync(subject, Breaking));
        Assert.Equal(CompatibilityLevel.None, await _client.GetCompatibilityAsync(subject));
        Assert.Equal(CompatibilityLevel.Backward, await _client.GetCompatibilityAsync());
    }

    [Fact]
    public async Task SchemasById_AreCached_SoRepeatedGetsMakeNoRequests()
    {
        var id = await _client.RegisterSchemaAsync("cache-" + Guid.NewGuid().ToString("N"), V1);
        var fresh = new SchemaRegistryClient(Options());
        await fresh.GetSchemaAsync(id);
        var before = _server.RequestCount;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(V1, await fresh.GetSchemaAsync(id));
        }

        Assert.Equal(before, _server.RequestCount);
    }

    [Fact]
    public async Task BasicAuth_IsSent_AndAWrongPasswordIsRejected()
    {
        _server.RequiredAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret"));
        var authorized = new SchemaRegistryClient(Options(auth: "alice:s3cret"));
        var wrong = new SchemaRegistryClient(Options(auth: "alice:nope"));

        Assert.Equal(CompatibilityLevel.Backward, await authorized.GetCompatibilityAsync());
        var ex = await Assert.ThrowsAsync<SchemaRegistryException>(() => wrong.GetCompatibilityAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransientFailures_AreRetried_UntilTheRegistryAnswers()
    {
        _server.FailNext(2);
        var before = _server.RequestCount;

        Assert.Equal(CompatibilityLevel.Backward, await _client.GetCompatibilityAsync());

        Assert.Equal(before + 3, _server.RequestCount);
    }

    [Fact]
    public async Task PersistentFailures_GiveUpAfterTheRetries_WithATypedException()
    {
        _server.FailNext(100);

        var ex = await Assert.ThrowsAsync<SchemaRegistryException>(() => _client.GetCompatibilityAsync());

        Assert.Contains("after 3 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowRegistry_TimesOutPerAttempt_WithATypedException()
    {
        _server.Delay = TimeSpan.FromSeconds(2);
        var client = new SchemaRegistryClient(Options(timeout: TimeSpan.FromMilliseconds(150), retries: 1));

        var ex = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetCompatibilityAsync());

        Assert.IsType<TimeoutException>(ex.InnerException);
    }

    [Fact]
    public async Task ConfluentSerializer_RoundTripsAnEventThroughTheHttpRegistry()
    {
        var options = Options();
        options.AutoRegisterSchemas = true;
        var topic = "zamaz-debate.debate-events-" + Guid.NewGuid().ToString("N");

        var bytes = await new ConfluentAvroSerializer(_client, options).SerializeAsync(SampleEvents.DebateInitiated(), topic);
        var decoded = await new ConfluentAvroDeserializer(new SchemaRegistryClient(Options())).DeserializeAsync<DebateInitiated>(bytes);

        Assert.Equivalent(SampleEvents.DebateInitiated(), decoded, strict: true);
        var latest = await _client.GetLatestSchemaAsync(topic + "-zamaz.debate.events.DebateInitiated");
        Assert.Equal(latest.Id, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)));
    }

    private SchemaRegistryOptions Options(string? auth = null, TimeSpan? timeout = null, int retries = 2) => new()
    {
        Url = _server.Url,
        BasicAuthUserInfo = auth,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
        MaxRetries = retries,
        RetryBackoff = TimeSpan.FromMilliseconds(10),
    };
}
