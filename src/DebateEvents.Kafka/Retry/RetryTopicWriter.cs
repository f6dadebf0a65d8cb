using Confluent.Kafka;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Producers;
using DebateEvents.Kafka.Routing;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Retry;

/// <summary>
/// Writes records to <c>{topic}.retry</c> with a due time, keeping their key, value and original headers,
/// and reads the retry headers back when the endpoint consumes them.
/// </summary>
internal sealed partial class RetryTopicWriter
{
    private readonly ErrorTopicWriter _writer;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;

    public RetryTopicWriter(ErrorTopicWriter writer, IReadOnlyList<TimeSpan> delays, RiderMetrics metrics, ILogger logger)
    {
        _writer = writer;
        Delays = delays;
        _metrics = metrics;
        _logger = logger;
    }

    public string RetryTopic => _writer.Topic;

    /// <summary>Delay before each retry-topic attempt; its length is the number of retry-topic attempts.</summary>
    public IReadOnlyList<TimeSpan> Delays { get; }

    /// <summary>Keys with records waiting in the retry topic; shared with the endpoint's processor.</summary>
    public RetryKeyTracker Keys { get; } = new();

    public static int ReadAttempt(Headers? headers) => ReadInt(headers, RetryTopicHeaders.Attempt);

    public static int ReadConsumerAttempts(Headers? headers) => ReadInt(headers, RetryTopicHeaders.ConsumerAttempts);

    /// <summary>Time left before a retry record is due; zero for records of the main topic.</summary>
    public static TimeSpan DueIn(Headers? headers, DateTimeOffset now)
    {
        if (headers.GetNumber(RetryTopicHeaders.DueAt) is not { } dueAt)
        {
            return TimeSpan.Zero;
        }

        var left = DateTimeOffset.FromUnixTimeMilliseconds(dueAt) - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>
    /// Writes <paramref name="record"/> for retry attempt <paramref name="attempt"/> (0 = held back behind its
    /// key, due at once); true once the retry topic acknowledged it.
    /// </summary>
    public async Task<bool> TryWrite(ConsumeResult<byte[]?, byte[]> record, int attempt, int consumerAttempts, CancellationToken cancellationToken)
    {
        var delay = attempt == 0 ? TimeSpan.Zero : Delays[attempt - 1];
        var original = record.Message.Headers;
        var headers = original.CopyExcept(RetryTopicHeaders.Attempt, RetryTopicHeaders.DueAt, RetryTopicHeaders.ConsumerAttempts, RetryTopicHeaders.Origin);
        headers.AddNumber(RetryTopicHeaders.Attempt, attempt);
        headers.AddNumber(RetryTopicHeaders.DueAt, (DateTimeOffset.UtcNow + delay).ToUnixTimeMilliseconds());
        headers.AddNumber(RetryTopicHeaders.ConsumerAttempts, consumerAttempts);
        headers.AddText(RetryTopicHeaders.Origin, original.GetText(RetryTopicHeaders.Origin) ?? $"{record.Topic}/{record.Partition.Value}/{record.Offset.Value}");
        if (await _writer.TryWrite(record, headers, default, cancellationToken) is not { } receipt)
        {
            return false;
        }

        Keys.Park(record.Message.Key, receipt.Partition);
        if (attempt > 0)
        {
            _metrics.Retried(_writer.SourceTopic, _writer.GroupId);
            LogScheduled(record.Topic, record.Partition.Value, record.Offset.Value, attempt, delay);
        }

        return true;
    }

    private static int ReadInt(Headers? headers, string name) =>
        headers.GetNumber(name) is { } value and >= int.MinValue and <= int.MaxValue ? (int)value : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Topic}[{Partition}]@{Offset} for retry attempt {Attempt} in {Delay}")]
    private partial void LogScheduled(string topic, int partition, long offset, int attempt, TimeSpan delay);
}
