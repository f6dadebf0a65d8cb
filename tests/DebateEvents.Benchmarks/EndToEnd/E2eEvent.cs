namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>The end-to-end event: its own id (to match commit and processing), a debate key and a short body.</summary>
public sealed record E2eEvent(Guid Id, Guid DebateId, int Sequence, string Question);
