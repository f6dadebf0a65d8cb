namespace DebateEvents.Kafka.Provisioning;

/// <summary>Provisions topics through a callback, such as an embedded cluster's topic creation.</summary>
internal sealed class DelegateTopicProvisioner : ITopicProvisioner
{
    private readonly Func<TopicDefinition, CancellationToken, Task> _create;

    public DelegateTopicProvisioner(Func<TopicDefinition, CancellationToken, Task> create)
    {
        _create = create;
    }

    public Task EnsureTopic(TopicDefinition topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return _create(topic, cancellationToken);
    }
}
