using MassTransit.Transports;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Kafka has no per-record lock: settlement is tracked by the topic consumer's watermark, which reads the
/// dispatch outcome directly, so this lock only satisfies the dispatcher.
/// </summary>
internal sealed class RecordLockContext : ReceiveLockContext
{
    public static readonly RecordLockContext Instance = new();

    private RecordLockContext()
    {
    }

    public Task Complete() => Task.CompletedTask;

    public Task Faulted(Exception exception) => Task.CompletedTask;

    public Task ValidateLockStatus() => Task.CompletedTask;
}
