namespace DebateEvents.Host.Tests.KafkaApi;

/// <summary>A host on its embedded defaults (<see cref="HostFactory"/>) and an HTTP client to it, per test.</summary>
public abstract class HostApiTests : IAsyncLifetime
{
    protected HostFactory Factory { get; } = new();

    protected HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
