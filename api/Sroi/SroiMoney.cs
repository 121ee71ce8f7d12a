using System.Globalization;

namespace MatchEngine.Api.Sroi;

/// <summary>Euros on the wire: a string decimal with two decimals, rounded half away from zero, only here.</summary>
public static class SroiMoney
{
    /// <summary>"12345.67".</summary>
    public static string Cents(decimal euros) => Math.Round(euros, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Four decimals, for per-day rates.</summary>
    public static string Rate(decimal euros) => Math.Round(euros, 4, MidpointRounding.AwayFromZero).ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A day as YYYY-MM-DD, empty for null.</summary>
    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
