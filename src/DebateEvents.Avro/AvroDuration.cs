namespace DebateEvents.Avro;

/// <summary>
/// The <c>duration</c> logical type: months, days and milliseconds kept apart because their lengths vary
/// (a month is not a fixed number of days, nor a day of milliseconds across DST changes).
/// </summary>
/// <param name="Months">The number of months.</param>
/// <param name="Days">The number of days.</param>
/// <param name="Milliseconds">The number of milliseconds.</param>
public readonly record struct AvroDuration(uint Months, uint Days, uint Milliseconds);
