using System.Diagnostics;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Logging;
using MassTransit.Transports;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Sends a record's receive context through the endpoint's receive pipe, as MassTransit's receive pipe
/// dispatcher does (log context, receive activity and instrument, receive observers), without what a Kafka
/// record has no use for: that dispatcher counts active dispatches with shared interlocked counters and a new
/// callback per message, and it notifies the endpoint's receive observer set, which always holds the bus's
/// set, with two callbacks per message even when no observer is connected. Here observers are notified only
/// when one is connected at either level, and Kafka's settlement needs no receive lock. MassTransit's receive
/// activity reads two transport headers before it finds that nobody listens; it is started only when a listener
/// listens to MassTransit's activity source (listeners choose sources by name, so a source of that name here
/// sees the same listeners).
/// </summary>
internal sealed class RecordReceiveDispatcher
{
    private static readonly ActivitySource MassTransitSource = new(DiagnosticHeaders.DefaultListenerName);
    private readonly IHostConfiguration _hostConfiguration;
    private readonly IReceivePipe _receivePipe;
    private readonly IReceiveObserver _observers;
    private readonly string _activityName;
    private readonly string _inputAddress;
    private readonly string? _endpointName;

    public RecordReceiveDispatcher(IHostConfiguration hostConfiguration, ReceiveEndpointContext endpoint)
    {
        _hostConfiguration = hostConfiguration;
        _receivePipe = endpoint.ReceivePipe;
        _observers = endpoint.ReceiveObservers;
        _inputAddress = endpoint.InputAddress.ToString();
        _activityName = $"{endpoint.InputAddress.GetDiagnosticEndpointName()} receive";
        _endpointName = endpoint.InputAddress.GetEndpointName();
    }

    /// <summary>Runs the receive pipe for <paramref name="context"/>; throws what the pipe threw, after the observers saw it.</summary>
    public async Task Dispatch(ReceiveContext context)
    {
        LogContext.SetCurrentIfNull(_hostConfiguration.ReceiveLogContext);
        var activity = MassTransitSource.HasListeners() ? LogContext.Current?.StartReceiveActivity(_activityName, _inputAddress, _endpointName!, context) : null;
        var instrument = LogContext.Current?.StartReceiveInstrument(context);
        var observed = !ObserverSet.IsEmpty(_observers);
        try
        {
            if (observed)
            {
                await _observers.PreReceive(context).ConfigureAwait(false);
            }

            await _receivePipe.Send(context).ConfigureAwait(false);
            var completed = context.ReceiveCompleted;
            if (!completed.IsCompletedSuccessfully)
            {
                await completed.ConfigureAwait(false);
            }

            if (observed)
            {
                await _observers.PostReceive(context).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            if (observed)
            {
                await _observers.ReceiveFault(context, ex).ConfigureAwait(false);
            }

            activity?.AddExceptionEvent(ex);
            instrument?.AddException(ex);
            throw;
        }
        finally
        {
            activity?.Stop();
            instrument?.Stop();
        }
    }
}
