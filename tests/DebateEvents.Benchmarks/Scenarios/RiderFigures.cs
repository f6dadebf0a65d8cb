using System.Globalization;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>Best produce and consume rates (msg/s) of each subject at one record size.</summary>
internal sealed record RiderFigures(
    (double Produce, double Consume) Raw,
    (double Produce, double Consume) Ours,
    (double Produce, double Consume) Wolverine,
    (double Produce, double Consume) WolverineInline)
{
    /// <summary>The size's figures and ratios as RESULT fields, suffixed with <paramref name="size"/>.</summary>
    public string Describe(string size) => string.Create(CultureInfo.InvariantCulture,
        $"raw_produce_{size}={Raw.Produce:0} ours_produce_{size}={Ours.Produce:0} wolverine_produce_{size}={Wolverine.Produce:0} "
        + $"wolverine_inline_produce_{size}={WolverineInline.Produce:0} raw_consume_{size}={Raw.Consume:0} ours_consume_{size}={Ours.Consume:0} "
        + $"wolverine_consume_{size}={Wolverine.Consume:0} wolverine_inline_consume_{size}={WolverineInline.Consume:0} "
        + $"ratio_produce_raw_{size}={Ours.Produce / Raw.Produce:0.00} ratio_produce_wolverine_inline_{size}={Ours.Produce / WolverineInline.Produce:0.00} "
        + $"ratio_produce_wolverine_{size}={Ours.Produce / Wolverine.Produce:0.00} ratio_consume_raw_{size}={Ours.Consume / Raw.Consume:0.00} "
        + $"ratio_consume_wolverine_{size}={Ours.Consume / Wolverine.Consume:0.00}");
}
