using Confluent.Kafka;
using DebateEvents.Kafka.Consumers;
using DebateEvents.Kafka.DeadLetter;
using DebateEvents.Kafka.Processing;
using DebateEvents.Kafka.Producers;
using DebateEvents.Kafka.Provisioning;
using DebateEvents.Kafka.Retry;
using DebateEvents.Kafka.Transport;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Configuration;

/// <summary>
/// Builds a topic endpoint: MassTransit's receive endpoint configuration (consumers, retry, pipes) plus
/// the Kafka consumer settings, the dead-letter and retry writers, and topic provisioning.
/// </summary>
internal sealed class TopicEndpointConfiguration : ReceiveEndpointConfiguration, ITopicEndpointConfigurator
{
    private readonly IBusInstance _busInstance;
    private readonly IReceiveEndpointConfiguration _endpointConfiguration;
    private readonly KafkaRiderServices _services;
    private readonly ConsumerConfig _consumerConfig;
    private readonly EndpointCircuitBreakerOptions _circuitBreaker = new();
    private readonly EndpointRestartOptions _restarts = new();
    private KafkaTopicOptions? _topicOptions;
    private TimeSpan[] _retryDelays = [];
    private TimeSpan _commitInterval = TimeSpan.FromSeconds(1);
    private int _maxBufferedRecords = 500;
    private TimeSpan _drainTimeout = TimeSpan.FromSeconds(30);
    private TimeSpan _redeliveryDelay = TimeSpan.FromSeconds(1);

    public TopicEndpointConfiguration(IBusInstance busInstance, IReceiveEndpointConfiguration endpointConfiguration, string topic, string groupId,
        KafkaRiderServices services)
        : base(busInstance.HostConfiguration, endpointConfiguration)
    {
        _busInstance = busInstance;
        _endpointConfiguration = endpointConfiguration;
        _services = services;
        Topic = topic;
        GroupId = groupId;
        _consumerConfig = new ConsumerConfig(new Dictionary<string, string>(services.ClientConfig))
        {
            GroupId = groupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = Confluent.Kafka.AutoOffsetReset.Earliest,
            // librdkafka postpones the next fetch this long once its prefetch queue is over queued.min.messages or
            // queued.max.messages.kbytes: with the 1 s default, an endpoint reading a backlog stalls for up to a
            // second each time the queue fills, however fast the lanes drain it. 10 ms fetches again soon after.
            FetchQueueBackoffMs = 10,
        };
        PublishFaults = false;
        this.DiscardSkippedMessages();
        ConnectConsumerConfigurationObserver(new ConsumedTypeRegistrar(services.Routing.Routes));
        ConnectHandlerConfigurationObserver(new ConsumedTypeRegistrar(services.Routing.Routes));
    }

    public string Topic { get; }

    public string GroupId { get; }

    public override Uri HostAddress => _endpointConfiguration.HostAddress;

    public override Uri InputAddress => _endpointConfiguration.InputAddress;

    public AutoOffsetReset AutoOffsetReset
    {
        set => _consumerConfig.AutoOffsetReset = value;
    }

    public TimeSpan CommitInterval
    {
        set => _commitInterval = value;
    }

    public int MaxBufferedRecords
    {
        set => _maxBufferedRecords = value;
    }

    public TimeSpan DrainTimeout
    {
        set => _drainTimeout = value;
    }

    public TimeSpan RedeliveryDelay
    {
        set => _redeliveryDelay = value;
    }

    public void CreateIfMissing(Action<KafkaTopicOptions>? configure = null)
    {
        _topicOptions = new KafkaTopicOptions();
        configure?.Invoke(_topicOptions);
    }

    public void UseRetryTopic(params TimeSpan[] delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        _retryDelays = delays;
    }

    public void UseCircuitBreaker(Action<EndpointCircuitBreakerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_circuitBreaker);
    }

    public void ConfigureRestarts(Action<EndpointRestartOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_restarts);
    }

    /// <summary>Test seam: called on every turn of the poll loop; an exception it returns is thrown there.</summary>
    internal Func<Exception?>? PollFault { get; set; }

    public void ConfigureKafkaConsumer(Action<ConsumerConfig> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_consumerConfig);
    }

    public override IEnumerable<ValidationResult> Validate()
    {
        if (string.IsNullOrWhiteSpace(Topic))
        {
            yield return this.Failure("Topic", "must not be empty");
        }

        if (string.IsNullOrWhiteSpace(GroupId))
        {
            yield return this.Failure("GroupId", "must not be empty");
        }

        if (_retryDelays.Any(d => d < TimeSpan.Zero))
        {
            yield return this.Failure("UseRetryTopic", "delays must not be negative");
        }

        foreach (var result in ValidateRestarts())
        {
            yield return result;
        }

        foreach (var result in base.Validate())
        {
            yield return result;
        }
    }

    private IEnumerable<ValidationResult> ValidateRestarts()
    {
        if (_restarts.FirstDelay <= TimeSpan.Zero || _restarts.MaxDelay < _restarts.FirstDelay)
        {
            yield return this.Failure("ConfigureRestarts", "FirstDelay must be positive and MaxDelay at least FirstDelay");
        }

        if (_restarts.UnhealthyRestarts < 1 || _restarts.UnhealthyWindow <= TimeSpan.Zero)
        {
            yield return this.Failure("ConfigureRestarts", "UnhealthyRestarts must be at least 1 and UnhealthyWindow positive");
        }
    }

    /// <summary>MassTransit's receive pipe, joined by the bus's consume observers only once there are any (see <see cref="TopicReceivePipe"/>).</summary>
    public override IReceivePipe CreateReceivePipe() => new TopicReceivePipe(base.CreateReceivePipe());

    public override ReceiveEndpointContext CreateReceiveEndpointContext()
    {
        ApplySpecifications(new ReceiveEndpointBuilder(this));
        return new TopicReceiveEndpointContext(_busInstance, this, Topic, GroupId, _services.Routing, _services.Producer);
    }

    /// <summary>Builds the endpoint; call once, after the user's configuration callback.</summary>
    public ReceiveEndpoint Build(string endpointName)
    {
        var logger = _services.LoggerFactory.CreateLogger("DebateEvents.Kafka.TopicEndpoint");
        var deadLetters = new DeadLetterWriter(ErrorTopic(TopicNames.DeadLetter(Topic), logger), () => _busInstance.Bus, _services.Metrics, logger);
        var retries = _retryDelays.Length == 0
            ? null
            : new RetryTopicWriter(ErrorTopic(TopicNames.Retry(Topic), logger), _retryDelays, _services.Metrics, logger);
        var settler = new FaultedRecordSettler(deadLetters, retries);
        ConfigureError(x => x.UseFilter(new DeadLetterErrorFilter(settler)));
        this.UseFilter(new AttemptCountingFilter());

        var context = (TopicReceiveEndpointContext)CreateReceiveEndpointContext();
        var processor = new ReceivePipeRecordProcessor(context, _services.Routing, deadLetters, retries);
        var settings = new TopicConsumerSettings
        {
            Endpoint = endpointName,
            ConsumerConfig = _consumerConfig,
            Topics = retries is null ? [Topic] : [Topic, retries.RetryTopic],
            ConcurrentMessageLimit = ConcurrentMessageLimit ?? 16,
            MaxBufferedRecords = _maxBufferedRecords,
            CommitInterval = _commitInterval,
            DrainTimeout = _drainTimeout,
            RedeliveryDelay = _redeliveryDelay,
            CircuitBreaker = _circuitBreaker,
            Restarts = _restarts,
            PollFault = PollFault,
        };
        var topics = _topicOptions is null ? [] : TopicProvisioning.Expand(Topic, _topicOptions);
        var transport = new TopicReceiveTransport(context, endpointName, topics,
            () => new EndpointSupervisor(settings, processor, _services.Metrics, logger), _services);
        var endpoint = new ReceiveEndpoint(transport, context);
        ReceiveEndpoint = endpoint;
        return endpoint;
    }

    private ErrorTopicWriter ErrorTopic(string topic, ILogger logger) => new(_services.Producer, Topic, topic, GroupId, logger);
}
