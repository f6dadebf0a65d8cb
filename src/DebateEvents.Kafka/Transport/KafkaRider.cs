using System.Collections.Concurrent;
using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Producers;
using MassTransit;
using MassTransit.Transports;

namespace DebateEvents.Kafka.Transport;

/// <summary>
/// The rider: owns the shared producer and the topic endpoints, starts them with the bus, drains and
/// commits them on stop, then flushes the producer. Disposed with the container.
/// </summary>
internal sealed class KafkaRider : IKafkaRider, IRiderControl, IDisposable
{
    private readonly IBusInstance _busInstance;
    private readonly KafkaRiderServices _services;
    private readonly ReceiveEndpointCollection _endpoints = new();
    private readonly ConcurrentDictionary<Type, object> _producers = new();
    private readonly Lazy<Routing.EventRecordBuilder> _builder;

    public KafkaRider(IBusInstance busInstance, KafkaRiderServices services, IEnumerable<TopicEndpointDefinition> endpoints)
    {
        _busInstance = busInstance;
        _services = services;
        _builder = new Lazy<Routing.EventRecordBuilder>(services.Routing.CreateRecordBuilder);
        foreach (var definition in endpoints)
        {
            _endpoints.Add(definition.EndpointName, BuildEndpoint(definition));
        }
    }

    public IEventRecordProducer RecordProducer => _services.Producer;

    internal KafkaRiderServices Services => _services;

    public ITopicProducer<T> GetProducer<T>()
        where T : class =>
        (ITopicProducer<T>)_producers.GetOrAdd(typeof(T), _ =>
            new TopicProducer<T>(_services.Routing.Routes.GetRoute(typeof(T)).Topic, _builder.Value, _services.Producer));

    public HostReceiveEndpointHandle ConnectTopicEndpoint(string topic, string groupId, Action<ITopicEndpointConfigurator> configure)
    {
        var definition = new TopicEndpointDefinition(topic, groupId, configure);
        _endpoints.Add(definition.EndpointName, BuildEndpoint(definition));
        return _endpoints.Start(definition.EndpointName, CancellationToken.None);
    }

    public bool PauseTopicEndpoint(string endpoint) => SetPaused(endpoint, paused: true);

    public bool ResumeTopicEndpoint(string endpoint) => SetPaused(endpoint, paused: false);

    public RiderHandle Start(CancellationToken cancellationToken = default) =>
        new Handle(this, _endpoints.StartEndpoints(cancellationToken));

    public IEnumerable<EndpointHealthResult> CheckEndpointHealth() => _endpoints.CheckEndpointHealth();

    public void Dispose()
    {
        _services.Producer.Dispose();
        (_services.Provisioner as IDisposable)?.Dispose();
    }

    private bool SetPaused(string endpoint, bool paused)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!_services.Health.Endpoints.TryGetValue(endpoint, out var supervisor))
        {
            return false;
        }

        // The poll thread applies it at its next housekeeping turn (every few milliseconds).
        supervisor.Status.Paused = paused;
        return true;
    }

    private ReceiveEndpoint BuildEndpoint(TopicEndpointDefinition definition)
    {
        var endpointConfiguration = _busInstance.HostConfiguration.CreateReceiveEndpointConfiguration(definition.EndpointName);
        var configuration = new TopicEndpointConfiguration(_busInstance, endpointConfiguration, definition.Topic, definition.GroupId, _services);
        definition.Configure(configuration);
        configuration.Validate().ThrowIfContainsFailure($"Kafka topic endpoint {definition.EndpointName} is not configured correctly:");
        return configuration.Build(definition.EndpointName);
    }

    private sealed class Handle : RiderHandle
    {
        private readonly KafkaRider _rider;
        private readonly HostReceiveEndpointHandle[] _endpoints;

        public Handle(KafkaRider rider, HostReceiveEndpointHandle[] endpoints)
        {
            _rider = rider;
            _endpoints = endpoints;
            Ready = Task.WhenAll(endpoints.Select(e => e.Ready));
        }

        public Task Ready { get; }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await _rider._endpoints.StopEndpoints(cancellationToken);
            _rider._services.Producer.Close();
        }
    }
}
