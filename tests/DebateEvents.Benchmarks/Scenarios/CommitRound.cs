namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>One measured round of commits: its rate and the process CPU it took per event (or per transaction, for bare EF).</summary>
internal readonly record struct CommitRound(double Rate, double CpuMicros);
