namespace DebateEvents.Host.ReadModels;

/// <summary>Where a debate stands.</summary>
public enum DebateStatus
{
    /// <summary>Initiated and taking arguments.</summary>
    Open,

    /// <summary>Completed with an outcome.</summary>
    Completed,
}
