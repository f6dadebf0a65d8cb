using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;
using DebateEvents.Kafka.DeadLetter;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Retry;
using DebateEvents.Kafka.Routing;
using DebateEvents.Kafka.Serialization;
using MassTransit;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Turns a record into a MassTransit delivery: resolves <c>ce_type</c> to a CLR type, reads the body with
/// the serializer its <c>content-type</c> names, and dispatches it through the endpoint's receive pipe
/// (consumers, retry policy, error pipe). Records that cannot be read go straight to the dead-letter topic.
/// </summary>
internal sealed class ReceivePipeRecordProcessor : IRecordProcessor
{
    private readonly TopicReceiveEndpointContext _context;
    private readonly RecordReceiveDispatcher _dispatcher;
    private readonly KafkaEventRouting _routing;
    private readonly DeadLetterWriter _deadLetters;
    private readonly RetryTopicWriter? _retries;
    private readonly ConcurrentDictionary<Type, string[]> _messageTypeUrns = new();
    private readonly ConcurrentDictionary<string, string> _spanNames = new(StringComparer.Ordinal);
    private readonly HeaderTextCache _headerText = new();

    public ReceivePipeRecordProcessor(TopicReceiveEndpointContext context, KafkaEventRouting routing, DeadLetterWriter deadLetters,
        RetryTopicWriter? retries)
    {
        _context = context;
        _dispatcher = new RecordReceiveDispatcher(context.HostConfiguration, context);
        _routing = routing;
        _deadLetters = deadLetters;
        _retries = retries;
    }

    public TimeSpan DueIn(ConsumeResult<byte[]?, byte[]> result) =>
        _retries is null ? TimeSpan.Zero : RetryTopicWriter.DueIn(result.Message.Headers, DateTimeOffset.UtcNow);

    public void Assigned(IConsumer<byte[]?, byte[]> consumer, ConsumerConfig config, IReadOnlyList<TopicPartition> partitions)
    {
        var retryPartitions = RetryPartitions(partitions);
        if (retryPartitions.Count == 0)
        {
            return;
        }

        // A new owner holds back the same keys the previous one did: their records still wait in the retry topic.
        foreach (var (partition, key) in RetryBacklogReader.ReadWaitingKeys(consumer, config, retryPartitions))
        {
            _retries!.Keys.Park(key, partition);
        }
    }

    public void Revoked(IReadOnlyList<TopicPartition> partitions)
    {
        foreach (var partition in RetryPartitions(partitions))
        {
            _retries!.Keys.Forget(partition.Partition.Value);
        }
    }

    private List<TopicPartition> RetryPartitions(IReadOnlyList<TopicPartition> partitions) =>
        _retries is null ? [] : partitions.Where(p => p.Topic == _retries.RetryTopic).ToList();

    public async ValueTask<RecordOutcome> Process(ConsumeResult<byte[]?, byte[]> result, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(result);
        var fromRetryTopic = _retries is not null && result.Topic == _retries.RetryTopic;
        var outcome = await Route(result, fromRetryTopic, cancellationToken);
        if (fromRetryTopic && outcome != RecordOutcome.Unsettled)
        {
            _retries!.Keys.Release(result.Message.Key, result.Partition.Value);
        }

        activity?.SetTag("debate_events.outcome", outcome.ToString());
        return outcome;
    }

    private async ValueTask<RecordOutcome> Route(ConsumeResult<byte[]?, byte[]> result, bool fromRetryTopic, CancellationToken cancellationToken)
    {
        if (!fromRetryTopic && _retries is not null && _retries.Keys.IsParked(result.Message.Key))
        {
            // An earlier record of this key waits in the retry topic: queue behind it rather than overtake it.
            return await _retries.TryWrite(result, 0, 0, cancellationToken) ? RecordOutcome.Completed : RecordOutcome.Unsettled;
        }

        var read = await Read(result, cancellationToken);
        if (read.Message is null)
        {
            return read.Error is null
                ? RecordOutcome.Unsettled
                : await _deadLetters.TryWrite(result, read.Reason, read.Error, 0, cancellationToken) ? RecordOutcome.Faulted : RecordOutcome.Unsettled;
        }

        return await Dispatch(result, read.Message, read.MessageType!, cancellationToken);
    }

    private async ValueTask<RecordOutcome> Dispatch(ConsumeResult<byte[]?, byte[]> result, object message, Type messageType,
        CancellationToken cancellationToken)
    {
        var urns = _messageTypeUrns.GetOrAdd(messageType, static type => [MessageUrn.ForTypeString(type)]);
        var context = new KafkaReceiveContext(result, message, messageType, urns, _context, cancellationToken);
        try
        {
            await _dispatcher.Dispatch(context);
            return context.SettledByErrorTopic ? RecordOutcome.Faulted : RecordOutcome.Completed;
        }
        catch (Exception)
        {
            // The error pipe could not write the record to the retry or dead-letter topic (or dispatch was
            // cancelled); the dispatcher has logged it. Leave it uncommitted so it is delivered again.
            return RecordOutcome.Unsettled;
        }
    }

    /// <summary>
    /// Resolves and deserializes the record. No message and an error: dead-letter it with the reason.
    /// No message and no error: a dependency (a schema registry) is unreachable, so leave the record
    /// unsettled and read it again later.
    /// </summary>
    private async ValueTask<(object? Message, Type? MessageType, string Reason, Exception? Error)> Read(
        ConsumeResult<byte[]?, byte[]> result, CancellationToken cancellationToken)
    {
        var headers = result.Message.Headers;
        var eventType = _headerText.Read(headers, CloudEventHeaders.Type);
        if (eventType is null || !_routing.Routes.TryResolve(eventType, out var resolved))
        {
            return (null, null, DeadLetterHeaders.ReasonUnknownType, new EventSerializationException(typeof(object),
                eventType is null ? "The record has no ce_type header." : $"No event type is registered for ce_type '{eventType}'."));
        }

        var contentType = _headerText.Read(headers, CloudEventHeaders.ContentType);
        if (!_routing.TryGetDeserializer(contentType, result.Topic, out var serializer))
        {
            return (null, resolved, DeadLetterHeaders.ReasonUndeserializable,
                new EventSerializationException(resolved, $"No body serializer handles content type '{contentType}'."));
        }

        try
        {
            var message = await serializer.DeserializeAsync(result.Message.Value ?? [], resolved, _context.Topic, cancellationToken);
            return (message, resolved, string.Empty, null);
        }
        catch (EventSerializationException ex)
        {
            return (null, resolved, DeadLetterHeaders.ReasonUndeserializable, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogContext.Warning?.Log(ex, "Could not read {Topic}[{Partition}]@{Offset} yet; it will be read again", result.Topic, result.Partition.Value, result.Offset.Value);
            return (null, resolved, string.Empty, null);
        }
    }

    private Activity? StartActivity(ConsumeResult<byte[]?, byte[]> result)
    {
        // Without a listener, skip parsing the trace headers and building the span name: it is per record.
        if (!KafkaTelemetry.Source.HasListeners())
        {
            return null;
        }

        var headers = result.Message.Headers;
        ActivityContext.TryParse(headers.GetText(CloudEventHeaders.TraceParent), headers.GetText(CloudEventHeaders.TraceState), isRemote: true,
            out var parent);
        var name = _spanNames.GetOrAdd(result.Topic, static topic => MessagingSpan.Name(MessagingSpan.Process, topic));
        var activity = KafkaTelemetry.Source.StartActivity(name, ActivityKind.Consumer, parent);
        if (activity is not null)
        {
            MessagingSpan.Describe(activity, MessagingSpan.Process, result.Topic);
            activity.SetTag(MessagingSpan.ConsumerGroup, _context.GroupId);
            MessagingSpan.Position(activity, result.Partition.Value, result.Offset.Value);
        }

        return activity;
    }
}
