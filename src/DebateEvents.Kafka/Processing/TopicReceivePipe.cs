using MassTransit;
using MassTransit.Transports;
using MassTransit.Util;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// A topic endpoint's receive pipe: MassTransit's, except that a set of consume observers connected to it joins the
/// pipe only once the set holds an observer. MassTransit connects the bus's consume-observer set to every endpoint it
/// builds, and the consume filter then calls that set before and after each message (a new callback per call and set)
/// whenever anything is connected, usually to find it empty. Whether a waiting set has an observer yet is checked
/// before each record, so an observer connected to the bus at any time sees the records received after it; once
/// joined, a set stays joined until its handle is disconnected. A single observer connects at once.
/// </summary>
internal sealed class TopicReceivePipe : IReceivePipe
{
    private readonly IReceivePipe _pipe;
    private readonly Lock _gate = new();
    private WaitingObservers[] _waiting = [];

    public TopicReceivePipe(IReceivePipe pipe)
    {
        _pipe = pipe;
    }

    public Task Connected => _pipe.Connected;

    public Task Send(ReceiveContext context)
    {
        if (Volatile.Read(ref _waiting).Length > 0)
        {
            JoinObserved();
        }

        return _pipe.Send(context);
    }

    public void Probe(ProbeContext context) => _pipe.Probe(context);

    public ConnectHandle ConnectConsumeObserver(IConsumeObserver observer)
    {
        if (observer is not Connectable<IConsumeObserver> set)
        {
            return _pipe.ConnectConsumeObserver(observer);
        }

        var waiting = new WaitingObservers(this, observer, set);
        lock (_gate)
        {
            _waiting = [.. _waiting, waiting];
        }

        return waiting;
    }

    public ConnectHandle ConnectConsumeMessageObserver<T>(IConsumeMessageObserver<T> observer)
        where T : class => _pipe.ConnectConsumeMessageObserver(observer);

    public ConnectHandle ConnectConsumePipe<T>(IPipe<ConsumeContext<T>> pipe)
        where T : class => _pipe.ConnectConsumePipe(pipe);

    public ConnectHandle ConnectConsumePipe<T>(IPipe<ConsumeContext<T>> pipe, ConnectPipeOptions options)
        where T : class => _pipe.ConnectConsumePipe(pipe, options);

    public ConnectHandle ConnectRequestPipe<T>(Guid requestId, IPipe<ConsumeContext<T>> pipe)
        where T : class => _pipe.ConnectRequestPipe(requestId, pipe);

    private void JoinObserved()
    {
        foreach (var waiting in Volatile.Read(ref _waiting))
        {
            if (waiting.Set.Count > 0)
            {
                lock (_gate)
                {
                    if (_waiting.Contains(waiting))
                    {
                        waiting.Joined = _pipe.ConnectConsumeObserver(waiting.Observer);
                        _waiting = [.. _waiting.Where(w => w != waiting)];
                    }
                }
            }
        }
    }

    private void Disconnect(WaitingObservers waiting)
    {
        lock (_gate)
        {
            _waiting = [.. _waiting.Where(w => w != waiting)];
            waiting.Joined?.Disconnect();
            waiting.Joined = null;
        }
    }

    /// <summary>A set connected to the endpoint, and its connection to MassTransit's pipe once it has joined.</summary>
    private sealed class WaitingObservers(TopicReceivePipe pipe, IConsumeObserver observer, Connectable<IConsumeObserver> set) : ConnectHandle
    {
        public IConsumeObserver Observer { get; } = observer;

        public Connectable<IConsumeObserver> Set { get; } = set;

        public ConnectHandle? Joined { get; set; }

        public void Disconnect() => pipe.Disconnect(this);

        public void Dispose() => Disconnect();
    }
}
