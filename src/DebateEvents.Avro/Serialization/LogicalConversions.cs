namespace DebateEvents.Avro.Serialization;

/// <summary>Conversions between logical-type CLR values and their underlying Avro numbers, with range checks.</summary>
internal static class LogicalConversions
{
    public const int EpochDayNumber = 719162;
    public const long TicksPerMicrosecond = 10;
    public static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly long MaxTicks = DateTime.MaxValue.Ticks;

    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static bool TryFromDays(int days, out DateOnly date)
    {
        var dayNumber = (long)days + EpochDayNumber;
        var valid = dayNumber >= DateOnly.MinValue.DayNumber && dayNumber <= DateOnly.MaxValue.DayNumber;
        date = valid ? DateOnly.FromDayNumber((int)dayNumber) : default;
        return valid;
    }

    public static long ToUnixUnits(DateTimeOffset value, long ticksPerUnit) => FloorDiv(value.UtcTicks - EpochTicks, ticksPerUnit);

    // A timestamp is an instant, so local times are converted to UTC; a local-timestamp is wall-clock time, kept as is.
    public static long ToUnixUnits(DateTime value, long ticksPerUnit, bool isInstant) =>
        FloorDiv((isInstant && value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks - EpochTicks, ticksPerUnit);

    public static bool TryFromUnixUnits(long units, long ticksPerUnit, DateTimeKind kind, out DateTime value)
    {
        var minUnits = FloorDiv(-EpochTicks, ticksPerUnit);
        var maxUnits = (MaxTicks - EpochTicks) / ticksPerUnit;
        var valid = units >= minUnits && units <= maxUnits;
        value = valid ? new DateTime(EpochTicks + (units * ticksPerUnit), kind) : default;
        return valid;
    }

    public static bool TryTimeOfDay(long units, long ticksPerUnit, out TimeOnly value)
    {
        var valid = units >= 0 && units < TimeSpan.TicksPerDay / ticksPerUnit;
        value = valid ? new TimeOnly(units * ticksPerUnit) : default;
        return valid;
    }

    public static long FromTimeOfDay(TimeOnly value, long ticksPerUnit) => value.Ticks / ticksPerUnit;

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b) < 0 ? 1 : 0);
}
