using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Consumers;
using DebateEvents.Kafka.Processing;
using DebateEvents.Kafka.Provisioning;
using MassTransit;
using MassTransit.Transports;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Transport;

/// <summary>
/// The receive transport of a topic endpoint: on start it provisions the topics (when asked to), starts
/// an <see cref="EndpointSupervisor"/> (which runs and restarts the endpoint's consumer) and reports the
/// endpoint ready once the group assigned it partitions, or faulted when its configuration is rejected.
/// </summary>
internal sealed partial class TopicReceiveTransport : IReceiveTransport
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);
    private readonly TopicReceiveEndpointContext _context;
    private readonly string _endpointName;
    private readonly IReadOnlyList<TopicDefinition> _topics;
    private readonly Func<EndpointSupervisor> _createSupervisor;
    private readonly KafkaRiderServices _services;
    private readonly ILogger _logger;

    public TopicReceiveTransport(TopicReceiveEndpointContext context, string endpointName, IReadOnlyList<TopicDefinition> topics,
        Func<EndpointSupervisor> createSupervisor, KafkaRiderServices services)
    {
        _context = context;
        _endpointName = endpointName;
        _topics = topics;
        _createSupervisor = createSupervisor;
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<TopicReceiveTransport>();
    }

    public ReceiveTransportHandle Start()
    {
        var handle = new Handle(this);
        handle.Start();
        return handle;
    }

    public ConnectHandle ConnectReceiveObserver(IReceiveObserver observer) => _context.ConnectReceiveObserver(observer);

    public ConnectHandle ConnectReceiveTransportObserver(IReceiveTransportObserver observer) => _context.ConnectReceiveTransportObserver(observer);

    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => _context.ConnectPublishObserver(observer);

    public ConnectHandle ConnectSendObserver(ISendObserver observer) => _context.ConnectSendObserver(observer);

    public void Probe(ProbeContext context) => _context.Probe(context.CreateScope("receiveTransport"));

    [LoggerMessage(Level = LogLevel.Error, Message = "Topic endpoint {Endpoint} could not start")]
    private partial void LogStartFailed(Exception exception, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Topic endpoint {Endpoint} has no partitions assigned after {Timeout}; reporting it ready anyway")]
    private partial void LogNoAssignment(string endpoint, TimeSpan timeout);

    /// <summary>One run of the transport, from start to stop.</summary>
    private sealed class Handle : ReceiveTransportHandle, DeliveryMetrics
    {
        private readonly TopicReceiveTransport _transport;
        private readonly CancellationTokenSource _stopping = new();
        private EndpointSupervisor? _supervisor;
        private Task _starting = Task.CompletedTask;

        public Handle(TopicReceiveTransport transport)
        {
            _transport = transport;
        }

        public long DeliveryCount => _supervisor?.Status.Delivered ?? 0;

        public int ConcurrentDeliveryCount => _supervisor?.Settings.ConcurrentMessageLimit ?? 0;

        public void Start() => _starting = Task.Run(() => StartAsync(_stopping.Token));

        public async Task Stop(CancellationToken cancellationToken = default)
        {
            await _stopping.CancelAsync();
            await _starting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_supervisor is { } supervisor)
            {
                await supervisor.Stop(cancellationToken);
                _transport._services.Health.Remove(_transport._endpointName, supervisor);
            }

            await _transport._context.TransportObservers.NotifyCompleted(_transport._context.InputAddress, this);
        }

        private async Task StartAsync(CancellationToken cancellationToken)
        {
            var transport = _transport;
            try
            {
                foreach (var topic in transport._topics)
                {
                    await transport._services.Provisioner.EnsureTopic(topic, cancellationToken);
                }

                var supervisor = transport._createSupervisor();
                _supervisor = supervisor;
                transport._services.Health.Add(transport._endpointName, supervisor);
                await supervisor.Start(cancellationToken);
                var assigned = await Task.WhenAny(supervisor.FirstAssignment, Task.Delay(ReadyTimeout, cancellationToken));
                if (assigned != supervisor.FirstAssignment)
                {
                    transport.LogNoAssignment(transport._endpointName, ReadyTimeout);
                }

                await transport._context.TransportObservers.NotifyReady(transport._context.InputAddress);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped before it was ready.
            }
            catch (ConfigurationException ex)
            {
                // MassTransit fails the bus start at once only for a fault it deems permanent, a non-transient
                // connection fault; for any other it waits out the start timeout. No restart can fix this one.
                transport.LogStartFailed(ex, transport._endpointName);
                await transport._context.TransportObservers.NotifyFaulted(transport._context.InputAddress,
                    new ConnectionException(ex.Message, ex, isTransient: false));
            }
            catch (Exception ex)
            {
                transport.LogStartFailed(ex, transport._endpointName);
                await transport._context.TransportObservers.NotifyFaulted(transport._context.InputAddress, ex);
            }
        }
    }
}
