using System.Collections.Concurrent;
using DebateEvents.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class PipelineSummaryTests
{
    [Fact]
    public async Task EmbeddedMode_LogsAPipelineSummary_WithPerTopicCounts()
    {
        var lines = new ConcurrentQueue<string>();
        await using var factory = new HostFactory { Settings = { ["DEBATE_SIMULATOR_RATE"] = "20" } };
        await using var logged = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new LineCollector(lines))));
        using var client = logged.CreateClient();

        await Eventually.Until(() => lines.Any(l => l.StartsWith("Pipeline:", StringComparison.Ordinal) && l.Contains("processed", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(25), () => "a pipeline summary line");

        var summary = lines.First(l => l.StartsWith("Pipeline:", StringComparison.Ordinal));
        Assert.Contains("zamaz-debate.debate-events consumed", summary, StringComparison.Ordinal);
        Assert.Contains("outbox delivered", summary, StringComparison.Ordinal);
        Assert.Contains(" lag ", summary, StringComparison.Ordinal);
    }

    private sealed class LineCollector(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
