using System.Globalization;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;

namespace MatchEngine.Engine.Carving;

/// <summary>Whether a carved role fits one candidate's hours, shifts and physical capacity, and the Dutch words for how it does not. Thread-safe.</summary>
public static class RoleFit
{
    private const double Tolerance = 1e-6;
    // A decimal comma, as Dutch writes "29,5 uur"; the process runs with invariant globalization, so no nl-NL culture.
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>The role's hours lie within the candidate's range, the candidate can work every shift of the role, and no task is heavier than they can take.</summary>
    public static bool Fits(CarvedRole role, Candidate candidate) =>
        HoursGap(role, candidate) is null && role.Shifts.All(candidate.ShiftsOk.Contains) && role.PhysicalLoad <= candidate.PhysicalCapacity;

    /// <summary>"wil 8–24 uur, rol vraagt 32" when the role's hours lie outside the candidate's range; null when they fit.</summary>
    public static string? HoursGap(CarvedRole role, Candidate candidate)
    {
        var hours = role.HoursPerWeek;
        if (hours >= candidate.HoursMin - Tolerance && hours <= candidate.HoursMax + Tolerance) return null;
        var wants = candidate.HoursMin == candidate.HoursMax ? Hours(candidate.HoursMin) : $"{Hours(candidate.HoursMin)}–{Hours(candidate.HoursMax)}";
        return $"wil {wants} uur, rol vraagt {Hours(hours)}";
    }

    /// <summary>"rol op maat: 20 van 32 uur, in dagdienst": how <paramref name="fitted"/> was carved from <paramref name="proposed"/>.</summary>
    public static string Describe(CarvedRole fitted, CarvedRole proposed)
    {
        var shifts = fitted.Shifts.Count == 0 ? "" : $", in {string.Join(" en ", fitted.Shifts.Select(Domain.Dutch.Shift))}";
        return $"rol op maat: {Hours(fitted.HoursPerWeek)} van {Hours(proposed.HoursPerWeek)} uur{shifts}";
    }

    private static string Hours(double hours) => hours.ToString("0.##", Dutch);
}
