namespace DebateEvents.Kafka.Provisioning;

/// <summary>
/// Creates topics for <c>CreateIfMissing</c>. The default uses the Kafka admin API; plug in another
/// with <c>k.UseTopicProvisioner(...)</c>, for example the embedded cluster's <c>CreateTopic</c>,
/// which has no admin API.
/// </summary>
public interface ITopicProvisioner
{
    /// <summary>Creates <paramref name="topic"/> unless it exists; an existing topic is not an error.</summary>
    Task EnsureTopic(TopicDefinition topic, CancellationToken cancellationToken);
}
