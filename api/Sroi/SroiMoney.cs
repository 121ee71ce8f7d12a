using System.Globalization;
using MatchEngine.Engine.Sroi;

namespace MatchEngine.Api.Sroi;

/// <summary>Euros on the wire: a string decimal with two decimals. The engine's amounts are already whole cents (<see cref="SroiRounding"/>).</summary>
public static class SroiMoney
{
    /// <summary>"12345.67".</summary>
    public static string Cents(decimal euros) => SroiRounding.Cents(euros).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Four decimals, for per-day rates.</summary>
    public static string Rate(decimal euros) => SroiRounding.Rate(euros).ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A day as YYYY-MM-DD, empty for null.</summary>
    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
