using System.Collections.Concurrent;
using Confluent.Kafka;
using DebateEvents.Kafka.Routing;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Requests;

/// <summary>
/// Reads a response topic for this process and completes the requests waiting for their replies, matched by the
/// <c>request-id</c> header; replies to requests this process is not waiting for are skipped.
/// </summary>
/// <remarks>
/// Several instances share one response topic, and each must see every reply, since the reply to its request may
/// be on any partition. So each listener has a consumer group of its own (unique per process, never committed)
/// and assigns itself every partition rather than joining a group: a shared group would hand a reply to whichever
/// instance owns its partition, and that one would drop it. Each partition starts at the end offset read before
/// the first request is sent, so no reply to this process's requests can land before the listener's position,
/// and old replies (from before a restart) are never read. Partitions added to the topic later are not followed.
/// </remarks>
internal sealed class ReplyListener : IDisposable
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);
    private readonly string _topic;
    private readonly ConsumerConfig _config;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ConsumeResult<byte[]?, byte[]>>> _waiting = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _started;
    private Thread? _thread;

    public ReplyListener(string topic, ClientConfig clientConfig, ILogger logger)
    {
        _topic = topic;
        _logger = logger;
        _config = new ConsumerConfig(new Dictionary<string, string>(clientConfig))
        {
            GroupId = $"{clientConfig.ClientId ?? "debate-events"}.replies.{Environment.MachineName}.{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            // A waiting request is worth a few more empty fetches: without this an idle broker may hold each
            // fetch for its full 500 ms default before the reply goes out.
            FetchWaitMaxMs = 50,
        };
    }

    /// <summary>
    /// Completes once the listener reads every partition from its end. The first call starts it; so does the
    /// next call after a start that failed (the topic did not exist yet, say).
    /// </summary>
    public Task Started
    {
        get
        {
            lock (_gate)
            {
                if (_started is null || _started.IsFaulted)
                {
                    _started = Start();
                }

                return _started;
            }
        }
    }

    /// <summary>Registers a request about to be sent; the returned task completes with its reply record.</summary>
    public Task<ConsumeResult<byte[]?, byte[]>> Expect(Guid requestId)
    {
        var reply = new TaskCompletionSource<ConsumeResult<byte[]?, byte[]>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[requestId] = reply;
        return reply.Task;
    }

    /// <summary>Stops waiting for <paramref name="requestId"/>: a reply arriving later is skipped.</summary>
    public void Forget(Guid requestId) => _waiting.TryRemove(requestId, out _);

    public void Dispose()
    {
        _stopping.Cancel();
        if (_thread is { } thread && thread != Thread.CurrentThread)
        {
            thread.Join(TimeSpan.FromSeconds(10));
        }

        foreach (var reply in _waiting.Values)
        {
            reply.TrySetException(new ObjectDisposedException(nameof(ReplyListener), "The request client was disposed."));
        }

        _stopping.Dispose();
    }

    private Task Start()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _thread = new Thread(() => Run(ready)) { IsBackground = true, Name = $"kafka-replies:{_topic}" };
        _thread.Start();
        return ready.Task;
    }

    // The blocking Kafka calls (metadata, watermarks, polling) stay on this thread, off the thread pool.
    private void Run(TaskCompletionSource ready)
    {
        try
        {
            using var consumer = new ConsumerBuilder<byte[]?, byte[]>(_config)
                .SetErrorHandler((_, error) => _logger.KafkaError(_topic, error.Code, error.Reason))
                .Build();
            var start = EndOffsets(consumer);
            consumer.Assign(start);
            _logger.Listening(_topic, string.Join(", ", start.Select(p => $"[{p.Partition.Value}]@{p.Offset.Value}")), _config.GroupId);
            ready.TrySetResult();
            Poll(consumer);
            consumer.Close();
        }
        catch (Exception ex)
        {
            if (!ready.TrySetException(ex))
            {
                _logger.ListenerFaulted(ex, _topic);
            }
        }
    }

    private List<TopicPartitionOffset> EndOffsets(IConsumer<byte[]?, byte[]> consumer)
    {
        // Metadata through the consumer's own connection: no second client.
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var topic = admin.GetMetadata(_topic, MetadataTimeout).Topics.Single();
        if (topic.Error.IsError || topic.Partitions.Count == 0)
        {
            throw new KafkaException(topic.Error.IsError ? topic.Error : new Error(ErrorCode.UnknownTopicOrPart, $"Topic {_topic} has no partitions"));
        }

        return topic.Partitions
            .Select(p => new TopicPartition(_topic, p.PartitionId))
            .Select(tp => new TopicPartitionOffset(tp, consumer.QueryWatermarkOffsets(tp, MetadataTimeout).High))
            .ToList();
    }

    private void Poll(IConsumer<byte[]?, byte[]> consumer)
    {
        while (!_stopping.IsCancellationRequested)
        {
            ConsumeResult<byte[]?, byte[]>? result;
            try
            {
                result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException ex)
            {
                _logger.KafkaError(_topic, ex.Error.Code, ex.Error.Reason);
                continue;
            }

            if (result?.Message is not null)
            {
                Dispatch(result);
            }
        }
    }

    private void Dispatch(ConsumeResult<byte[]?, byte[]> result)
    {
        var requestId = result.Message.Headers.GetText(ReplyHeaders.RequestId);
        if (Guid.TryParse(requestId, out var id) && _waiting.TryRemove(id, out var reply))
        {
            reply.TrySetResult(result);
            return;
        }

        _logger.ReplyIgnored(_topic, requestId ?? "(none)");
    }
}
