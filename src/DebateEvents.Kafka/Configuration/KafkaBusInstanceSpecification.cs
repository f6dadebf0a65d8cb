using DebateEvents.Kafka.Transport;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;

namespace DebateEvents.Kafka.Configuration;

/// <summary>Attaches the Kafka rider to the bus instance once MassTransit has built it.</summary>
internal sealed class KafkaBusInstanceSpecification : IBusInstanceSpecification
{
    private readonly KafkaRiderConfigurator _configurator;
    private readonly Func<KafkaRiderServices> _createServices;

    public KafkaBusInstanceSpecification(KafkaRiderConfigurator configurator, Func<KafkaRiderServices> createServices)
    {
        _configurator = configurator;
        _createServices = createServices;
    }

    public void Configure(IBusInstance busInstance)
    {
        var rider = new KafkaRider(busInstance, _createServices(), _configurator.Endpoints);
        busInstance.Connect<IKafkaRider>(rider);
    }

    public IEnumerable<ValidationResult> Validate()
    {
        if (string.IsNullOrWhiteSpace(_configurator.Connection.BootstrapServers))
        {
            yield return this.Failure("Host", "bootstrap servers must be set");
        }

        var duplicates = _configurator.Endpoints.GroupBy(e => e.EndpointName).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var duplicate in duplicates)
        {
            yield return this.Failure("TopicEndpoint", $"{duplicate} is configured more than once");
        }
    }
}
