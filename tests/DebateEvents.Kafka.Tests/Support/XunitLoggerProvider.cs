using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>Sends log lines of the code under test to the test's output, so a failing test shows what happened.</summary>
internal sealed class XunitLoggerProvider : ILoggerProvider
{
    private readonly ITestOutputHelper _output;
    private readonly string _prefix;

    public XunitLoggerProvider(ITestOutputHelper output, string prefix)
    {
        _output = output;
        _prefix = prefix;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(_output, $"{_prefix} {categoryName.Split('.')[^1]}");

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; its output is closed.
            }
        }
    }
}
