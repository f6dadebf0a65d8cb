using System.Globalization;
using System.Text;
using Confluent.Kafka;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Producers;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Retry;

/// <summary>
/// Writes records to <c>{topic}.retry</c> with a due time, keeping their key, value and original headers,
/// and reads the retry headers back when the endpoint consumes them.
/// </summary>
internal sealed partial class RetryTopicWriter
{
    private static readonly string[] OwnHeaders = [RetryTopicHeaders.Attempt, RetryTopicHeaders.DueAt, RetryTopicHeaders.ConsumerAttempts, RetryTopicHeaders.Origin];
    private readonly KafkaRecordProducer _producer;
    private readonly string _topic;
    private readonly string _groupId;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;

    public RetryTopicWriter(KafkaRecordProducer producer, string topic, string groupId, IReadOnlyList<TimeSpan> delays, RiderMetrics metrics, ILogger logger)
    {
        _producer = producer;
        _topic = topic;
        _groupId = groupId;
        Delays = delays;
        _metrics = metrics;
        _logger = logger;
        RetryTopic = TopicNames.Retry(topic);
    }

    public string RetryTopic { get; }

    /// <summary>Delay before each retry-topic attempt; its length is the number of retry-topic attempts.</summary>
    public IReadOnlyList<TimeSpan> Delays { get; }

    /// <summary>Keys with records waiting in the retry topic; shared with the endpoint's processor.</summary>
    public RetryKeyTracker Keys { get; } = new();

    public static int ReadAttempt(Headers? headers) => ReadInt(headers, RetryTopicHeaders.Attempt);

    public static int ReadConsumerAttempts(Headers? headers) => ReadInt(headers, RetryTopicHeaders.ConsumerAttempts);

    /// <summary>Time left before a retry record is due; zero for records of the main topic.</summary>
    public static TimeSpan DueIn(Headers? headers, DateTimeOffset now)
    {
        if (headers is null || !headers.TryGetLastBytes(RetryTopicHeaders.DueAt, out var bytes)
            || !long.TryParse(Encoding.UTF8.GetString(bytes), NumberStyles.Integer, CultureInfo.InvariantCulture, out var dueAt))
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
        var headers = new Headers();
        foreach (var header in record.Message.Headers ?? [])
        {
            if (Array.IndexOf(OwnHeaders, header.Key) < 0)
            {
                headers.Add(header.Key, header.GetValueBytes());
            }
        }

        var origin = record.Message.Headers is { } original && original.TryGetLastBytes(RetryTopicHeaders.Origin, out var kept)
            ? Encoding.UTF8.GetString(kept)
            : $"{record.Topic}/{record.Partition.Value}/{record.Offset.Value}";
        Add(headers, RetryTopicHeaders.Attempt, attempt);
        Add(headers, RetryTopicHeaders.DueAt, (DateTimeOffset.UtcNow + delay).ToUnixTimeMilliseconds());
        Add(headers, RetryTopicHeaders.ConsumerAttempts, consumerAttempts);
        headers.Add(RetryTopicHeaders.Origin, Encoding.UTF8.GetBytes(origin));
        var message = new Message<byte[]?, byte[]> { Key = record.Message.Key, Value = record.Message.Value, Headers = headers };
        DeliveryReceipt receipt;
        try
        {
            // The token can stop the write from starting, not the wait for its acknowledgement (bounded by the
            // delivery timeout): a write abandoned halfway could land while its record stays uncommitted.
            cancellationToken.ThrowIfCancellationRequested();
            receipt = await _producer.Send(RetryTopic, message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is KafkaException or ProducerCircuitOpenException or OperationCanceledException)
        {
            LogWriteFailed(ex, RetryTopic, record.Topic, record.Offset.Value);
            return false;
        }

        Keys.Park(record.Message.Key, receipt.Partition);
        if (attempt > 0)
        {
            _metrics.Retried(_topic, _groupId);
            LogScheduled(record.Topic, record.Partition.Value, record.Offset.Value, attempt, delay);
        }

        return true;
    }

    private static int ReadInt(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes)
        && int.TryParse(Encoding.UTF8.GetString(bytes), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;

    private static void Add(Headers headers, string name, long value) =>
        headers.Add(name, Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture)));

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Topic}@{Offset} to {RetryTopic}; it stays uncommitted and will be redelivered")]
    private partial void LogWriteFailed(Exception exception, string retryTopic, string topic, long offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Topic}[{Partition}]@{Offset} for retry attempt {Attempt} in {Delay}")]
    private partial void LogScheduled(string topic, int partition, long offset, int attempt, TimeSpan delay);
}
