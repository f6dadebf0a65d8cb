namespace DebateEvents.Host.Stats;

/// <summary>
/// Samples the per-topic counters of <see cref="KafkaTrafficStats"/> every <see cref="Interval"/> and keeps the rates
/// per second (produced, consumed, dead-lettered) of the last <see cref="Capacity"/> intervals, for the console's chart.
/// Produced counts both the outbox's deliveries and the rider's own sends (retry and dead-letter copies, replays).
/// </summary>
internal sealed class RateHistory(KafkaTrafficStats stats) : BackgroundService
{
    /// <summary>Time between samples.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Samples kept: five minutes.</summary>
    public const int Capacity = 150;

    private readonly Queue<RateSample> _samples = new();
    private readonly Lock _gate = new();
    private Dictionary<string, (long Produced, long Consumed, long DeadLettered)> _last = new(StringComparer.Ordinal);
    private DateTimeOffset _lastAt = DateTimeOffset.UtcNow;

    /// <summary>The kept samples, oldest first.</summary>
    public IReadOnlyList<RateSample> Samples()
    {
        lock (_gate)
        {
            return [.. _samples];
        }
    }

    /// <summary>Takes one sample now: the rates since the previous one.</summary>
    public void Sample()
    {
        var now = DateTimeOffset.UtcNow;
        var totals = stats.Topics.ToDictionary(t => t.Key, t => (t.Value.Produced + t.Value.Delivered, t.Value.Consumed, t.Value.DeadLettered),
            StringComparer.Ordinal);
        lock (_gate)
        {
            var seconds = Math.Max((now - _lastAt).TotalSeconds, 0.001);
            var rates = totals.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t =>
            {
                var before = _last.GetValueOrDefault(t.Key);
                return new TopicRates(
                    Math.Round((t.Value.Item1 - before.Produced) / seconds, 2),
                    Math.Round((t.Value.Consumed - before.Consumed) / seconds, 2),
                    Math.Round((t.Value.DeadLettered - before.DeadLettered) / seconds, 2));
            }, StringComparer.Ordinal);
            _samples.Enqueue(new RateSample(now, rates));
            while (_samples.Count > Capacity)
            {
                _samples.Dequeue();
            }

            _last = totals.ToDictionary(t => t.Key, t => (t.Value.Item1, t.Value.Consumed, t.Value.DeadLettered), StringComparer.Ordinal);
            _lastAt = now;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Sample();
        }
    }
}
