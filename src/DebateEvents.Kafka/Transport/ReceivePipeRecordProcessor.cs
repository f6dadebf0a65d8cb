using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using DebateEvents.Kafka.Consumers;
using DebateEvents.Kafka.DeadLetter;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Retry;
using DebateEvents.Kafka.Routing;
using DebateEvents.Kafka.Serialization;
using MassTransit;
using Headers = Confluent.Kafka.Headers;
using MassTransit.Transports;

namespace DebateEvents.Kafka.Transport;

/// <summary>
/// Turns a record into a MassTransit delivery: resolves <c>ce_type</c> to a CLR type, reads the body with
/// the serializer its <c>content-type</c> names, and dispatches it through the endpoint's receive pipe
/// (consumers, retry policy, error pipe). Records that cannot be read go straight to the dead-letter topic.
/// </summary>
internal sealed class ReceivePipeRecordProcessor : IRecordProcessor
{
    private readonly TopicReceiveEndpointContext _context;
    private readonly IReceivePipeDispatcher _dispatcher;
    private readonly KafkaEventRouting _routing;
    private readonly DeadLetterWriter _deadLetters;
    private readonly RetryTopicWriter? _retries;
    private readonly ConcurrentDictionary<Type, string[]> _messageTypeUrns = new();
    private readonly ConcurrentDictionary<string, string> _spanNames = new(StringComparer.Ordinal);

    public ReceivePipeRecordProcessor(TopicReceiveEndpointContext context, KafkaEventRouting routing, DeadLetterWriter deadLetters,
        RetryTopicWriter? retries)
    {
        _context = context;
        _dispatcher = context.CreateReceivePipeDispatcher();
        _routing = routing;
        _deadLetters = deadLetters;
        _retries = retries;
    }

    public TimeSpan DueIn(ConsumeResult<byte[]?, byte[]> result) =>
        _retries is null ? TimeSpan.Zero : RetryTopicWriter.DueIn(result.Message.Headers, DateTimeOffset.UtcNow);

    public async Task<RecordOutcome> Process(ConsumeResult<byte[]?, byte[]> result, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(result);
        var fromRetryTopic = _retries is not null && result.Topic == _retries.RetryTopic;
        var outcome = await Route(result, fromRetryTopic, cancellationToken);
        if (fromRetryTopic && outcome != RecordOutcome.Unsettled)
        {
            _retries!.Keys.Release(result.Message.Key);
        }

        activity?.SetTag("debate_events.outcome", outcome.ToString());
        return outcome;
    }

    private async Task<RecordOutcome> Route(ConsumeResult<byte[]?, byte[]> result, bool fromRetryTopic, CancellationToken cancellationToken)
    {
        if (!fromRetryTopic && _retries is not null && _retries.Keys.IsParked(result.Message.Key))
        {
            // An earlier record of this key waits in the retry topic: queue behind it rather than overtake it.
            return await _retries.TryWrite(result, 0, 0, cancellationToken) ? RecordOutcome.Completed : RecordOutcome.Unsettled;
        }

        if (!TryRead(result, out var message, out var messageType, out var reason, out var error))
        {
            return await _deadLetters.TryWrite(result, reason, error, 0, cancellationToken) ? RecordOutcome.Faulted : RecordOutcome.Unsettled;
        }

        return await Dispatch(result, message, messageType);
    }

    private async Task<RecordOutcome> Dispatch(ConsumeResult<byte[]?, byte[]> result, object message, Type messageType)
    {
        var urns = _messageTypeUrns.GetOrAdd(messageType, static type => [MessageUrn.ForTypeString(type)]);
        var context = new KafkaReceiveContext(result, message, messageType, urns, _context);
        try
        {
            await _dispatcher.Dispatch(context, RecordLockContext.Instance);
            return context.SettledByErrorTopic ? RecordOutcome.Faulted : RecordOutcome.Completed;
        }
        catch (Exception)
        {
            // The error pipe could not write the record to the retry or dead-letter topic (or dispatch was
            // cancelled); the dispatcher has logged it. Leave it uncommitted so it is delivered again.
            return RecordOutcome.Unsettled;
        }
        finally
        {
            context.Dispose();
        }
    }

    private bool TryRead(ConsumeResult<byte[]?, byte[]> result, out object message, out Type messageType, out string reason, out Exception error)
    {
        message = null!;
        messageType = null!;
        var headers = result.Message.Headers;
        var eventType = Text(headers, CloudEventHeaders.Type);
        if (eventType is null || !_routing.Routes.TryResolve(eventType, out var resolved))
        {
            reason = DeadLetterHeaders.ReasonUnknownType;
            error = new EventSerializationException(typeof(object),
                eventType is null ? "The record has no ce_type header." : $"No event type is registered for ce_type '{eventType}'.");
            return false;
        }

        messageType = resolved;
        var contentType = Text(headers, CloudEventHeaders.ContentType);
        if (!_routing.TryGetDeserializer(contentType, result.Topic, out var serializer))
        {
            reason = DeadLetterHeaders.ReasonUndeserializable;
            error = new EventSerializationException(resolved, $"No body serializer handles content type '{contentType}'.");
            return false;
        }

        try
        {
            message = serializer.Deserialize(result.Message.Value ?? [], resolved, _context.Topic);
        }
        catch (EventSerializationException ex)
        {
            reason = DeadLetterHeaders.ReasonUndeserializable;
            error = ex;
            return false;
        }

        reason = string.Empty;
        error = null!;
        return true;
    }

    private Activity? StartActivity(ConsumeResult<byte[]?, byte[]> result)
    {
        // Without a listener, skip parsing the trace headers and building the span name: it is per record.
        if (!KafkaTelemetry.Source.HasListeners())
        {
            return null;
        }

        var traceParent = Text(result.Message.Headers, CloudEventHeaders.TraceParent);
        ActivityContext.TryParse(traceParent, Text(result.Message.Headers, CloudEventHeaders.TraceState), isRemote: true, out var parent);
        var name = _spanNames.GetOrAdd(result.Topic, static topic => topic + " process");
        var activity = KafkaTelemetry.Source.StartActivity(name, ActivityKind.Consumer, parent);
        if (activity is not null)
        {
            activity.SetTag("messaging.system", "kafka");
            activity.SetTag("messaging.source.name", result.Topic);
            activity.SetTag("messaging.kafka.source.partition", result.Partition.Value);
            activity.SetTag("messaging.kafka.message.offset", result.Offset.Value);
        }

        return activity;
    }

    private static string? Text(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
