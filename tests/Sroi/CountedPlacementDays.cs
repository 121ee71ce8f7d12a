using System.Globalization;
using MatchEngine.Api.V1;

namespace MatchEngine.Tests.Sroi;

/// <summary>Recomputes a counted placement's realised days from its counted_from/counted_to dates.</summary>
internal static class CountedPlacementDays
{
    public static int Days(this CountedPlacement p) => string.IsNullOrEmpty(p.CountedFrom)
        ? 0
        : DateOnly.ParseExact(p.CountedTo, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - DateOnly.ParseExact(p.CountedFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber + 1;
}
