namespace MatchEngine.Engine.Sroi;

/// <summary>
/// The arithmetic behind one amount of social return, kept so anyone can recompute it by hand:
/// <c>ValueEur = RatePerFteYearEur × Fte × Days / DaysPerYear</c> with <c>Fte = min(1, HoursPerWeek / FullTimeHours)</c>,
/// rounded to whole cents (half away from zero, <see cref="SroiRounding.Cents"/>): it is a line a person adds up, so every
/// total of such values is their sum as shown.
/// </summary>
/// <param name="Block">The building block the amount counts in.</param>
/// <param name="RatePerFteYearEur">Euros per FTE-year of that block, from the <see cref="SroiValuationTable"/>.</param>
/// <param name="HoursPerWeek">Contracted hours per week.</param>
/// <param name="Fte">Hours per week / full-time hours, capped at 1.</param>
/// <param name="Days">Calendar days that count (both ends included).</param>
/// <param name="ValueEur">Rate × FTE × days / days per year, euros, rounded to whole cents.</param>
public sealed record SroiValuation(SroiBlock Block, decimal RatePerFteYearEur, decimal HoursPerWeek, decimal Fte, int Days, decimal ValueEur)
{
    /// <summary>Values <paramref name="days"/> of work at <paramref name="hoursPerWeek"/> in <paramref name="block"/> by <paramref name="table"/>.</summary>
    public static SroiValuation Of(SroiValuationTable table, SroiBlock block, decimal hoursPerWeek, int days)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(hoursPerWeek);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var rate = table.RateOf(block);
        var fte = Math.Min(1m, hoursPerWeek / table.FullTimeHoursPerWeek);
        // Multiply before dividing so the exact cases (18/36, 100/365) stay as exact as decimal allows.
        var value = rate * Math.Min(hoursPerWeek, table.FullTimeHoursPerWeek) * days / (table.FullTimeHoursPerWeek * table.DaysPerYear);
        return new SroiValuation(block, rate, hoursPerWeek, fte, days, SroiRounding.Cents(value));
    }

    /// <summary>No value: zero days.</summary>
    public static SroiValuation None(SroiValuationTable table, SroiBlock block, decimal hoursPerWeek) => Of(table, block, hoursPerWeek, 0);
}
