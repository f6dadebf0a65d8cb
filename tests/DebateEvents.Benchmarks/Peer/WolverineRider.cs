using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using DebateEvents.Benchmarks.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Kafka;

namespace DebateEvents.Benchmarks.Peer;

/// <summary>
/// Wolverine's Kafka transport on the records of the rider scenario (producing: <see cref="WolverineProducer"/>).
/// Consume: a listener in the default mode or inline, reading the JSON bodies the rider produced (<c>ReceiveRawJson</c>, its
/// documented way to take records from other systems) into a no-op handler, timed like our topic endpoint.
/// </summary>
internal static class WolverineRider
{
    /// <summary>One round reading the whole topic under a new group; msg/s after the counter's warm-up.</summary>
    public static async Task<double> ConsumeAsync(string bootstrapServers, string topic, RiderConsumeCounter counter, bool inline,
        string label, CancellationToken cancellationToken)
    {
        var host = await WolverineHosts.StartAsync(opts =>
        {
            opts.Services.AddSingleton(counter);
            opts.Discovery.IncludeType(typeof(WolverineNoOpHandler));
            opts.UseKafka(bootstrapServers).ConfigureConsumers(c =>
            {
                c.GroupId = $"wolverine-{Guid.NewGuid():N}";
                c.AutoOffsetReset = AutoOffsetReset.Earliest;
            });
            var listener = opts.ListenToKafkaTopic(topic).ReceiveRawJson<RiderBenchmarkEvent>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
            if (inline)
            {
                listener.ProcessInline();
            }
        });
        try
        {
            await counter.Done.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
            var rate = (counter.Expected - counter.WarmUp) / counter.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wolverine {label} listener{(inline ? " inline" : string.Empty)}: {rate:0} msg/s, {counter.CpuMicrosecondsPerEvent:0.0} µs CPU per timed record, {counter.MethodsJittedTimed} methods jitted while timed"));
            return rate;
        }
        finally
        {
            await WolverineHosts.StopAsync(host);
        }
    }
}
