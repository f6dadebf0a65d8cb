using Confluent.Kafka;
using DebateEvents.Kafka.Processing;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// Taking partitions on and letting them go: on assignment, tracks them and tells the processor; on revoke,
/// loss or shutdown, stops dispatching them (records not yet started stay uncommitted, for the next owner),
/// waits for their running records (up to the drain timeout), commits their watermarks and forgets them. Runs on the poll thread, inside <c>Consume</c> or after the loop.
/// </summary>
internal sealed class RebalanceHandler
{
    private readonly TopicConsumerSettings _settings;
    private readonly IRecordProcessor _processor;
    private readonly AssignedPartitions _partitions;
    private readonly BackpressureGate _gate;
    private readonly PartitionHousekeeping _housekeeping;
    private readonly ILogger _logger;
    /// <summary>How long a stopping endpoint waits for a broker to answer before it stops without committing or leaving.</summary>
    internal static readonly TimeSpan ReachabilityTimeout = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _firstAssignment = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _abandoning;

    public RebalanceHandler(TopicConsumerSettings settings, IRecordProcessor processor, AssignedPartitions partitions, BackpressureGate gate,
        PartitionHousekeeping housekeeping, ILogger logger)
    {
        _settings = settings;
        _processor = processor;
        _partitions = partitions;
        _gate = gate;
        _housekeeping = housekeeping;
        _logger = logger;
    }

    /// <summary>Completes when the group first assigned partitions.</summary>
    public Task FirstAssignment => _firstAssignment.Task;

    /// <summary>
    /// From now on partitions are let go as in a crash: no drain, no commit, no clean leave, so their
    /// unsettled records are delivered again. Set by an abort, or when a faulted consumer cannot stop cleanly.
    /// </summary>
    public void Abandon() => _abandoning = true;

    public void Assigned(IConsumer<byte[]?, byte[]> consumer, List<TopicPartition> partitions)
    {
        _partitions.Add(partitions);
        try
        {
            _processor.Assigned(consumer, _settings.ConsumerConfig, partitions);
        }
        catch (KafkaException ex)
        {
            _logger.KafkaError(ex.Error.Code, ex.Error.Reason, _settings.Topics[0], _settings.GroupId);
        }

        _logger.Assigned(_settings.Endpoint, string.Join(", ", partitions));
        _housekeeping.RunSoon();
        _firstAssignment.TrySetResult();
    }

    /// <summary>The group takes <paramref name="partitions"/> back in a rebalance: commit what settled unless abandoning.</summary>
    public void Revoked(IConsumer<byte[]?, byte[]> consumer, IEnumerable<TopicPartition> partitions) =>
        Release(consumer, partitions, commit: !_abandoning);

    /// <summary>The partitions already belong to another member: nothing may be committed for them.</summary>
    public void Lost(IConsumer<byte[]?, byte[]> consumer, IEnumerable<TopicPartition> partitions) =>
        Release(consumer, partitions, commit: false);

    /// <summary>
    /// Lets every partition go as in a revoke, then leaves the group, unless abandoning. When the cluster does not answer,
    /// neither commits nor leaves: librdkafka would wait for the group coordinator up to the session timeout (45 s by
    /// default) before failing either. The records since the last commit are then delivered again after a restart.
    /// </summary>
    public void Shutdown(IConsumer<byte[]?, byte[]> consumer)
    {
        var reachable = !_abandoning && ClusterAnswers(consumer);
        Release(consumer, _partitions.Snapshot(), commit: reachable);
        if (!reachable)
        {
            return;
        }

        try
        {
            consumer.Close();
        }
        catch (KafkaException ex)
        {
            _logger.KafkaError(ex.Error.Code, ex.Error.Reason, _settings.Topics[0], _settings.GroupId);
        }
    }

    /// <summary>Whether a broker answers a metadata request for the endpoint's topic within <see cref="ReachabilityTimeout"/>.</summary>
    private bool ClusterAnswers(IConsumer<byte[]?, byte[]> consumer)
    {
        try
        {
            using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
            admin.GetMetadata(_settings.Topics[0], ReachabilityTimeout);
            return true;
        }
        catch (KafkaException ex)
        {
            _logger.StoppingUnreachable(_settings.Endpoint, ex.Error.Reason);
            return false;
        }
    }

    private void Release(IConsumer<byte[]?, byte[]> consumer, IEnumerable<TopicPartition> revoked, bool commit)
    {
        var progress = _partitions.ProgressOf(revoked);
        if (progress.Count == 0)
        {
            return;
        }

        foreach (var partition in progress)
        {
            partition.Revoke();
        }

        if (!_abandoning)
        {
            Drain(progress);
        }

        var committed = commit && _partitions.Commit(consumer, progress);
        _processor.Revoked(progress.Select(p => p.TopicPartition).ToList());
        _partitions.Remove(progress);
        _logger.Revoked(_settings.Endpoint, string.Join(", ", progress.Select(p => p.TopicPartition)), committed);
    }

    private void Drain(List<PartitionProgress> progress)
    {
        var running = progress.Sum(p => p.Running);
        _logger.Draining(_settings.Endpoint, running, progress.Sum(p => p.Outstanding) - running,
            string.Join(", ", progress.Select(p => p.TopicPartition)), _settings.DrainTimeout);
        if (!_gate.Drain(progress, _settings.DrainTimeout))
        {
            _logger.DrainTimedOut(_settings.Topics[0], _settings.GroupId, progress.Sum(p => p.Running));
        }
    }
}
