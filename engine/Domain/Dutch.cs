using System.Globalization;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// Dutch as a user of the region reads it: a count with its noun in the right number ("1 week", "2 weken"), lists
/// ("a, b en c"), euros ("€ 1.234,56"), and the words for education levels, language levels and shifts. The contract's
/// codes ("mbo2", "none", "day") stay in data; these are the words shown. Stateless and thread-safe.
/// </summary>
public static class Dutch
{
    private static readonly string[] MonthWords = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] EducationWords = ["geen diploma", "vo", "mbo 1", "mbo 2", "mbo 3", "mbo 4", "hbo", "wo"];

    /// <summary><paramref name="n"/> (<see cref="Whole"/>) with <paramref name="singular"/> when it is 1, else <paramref name="plural"/>: "1 week", "1.500 kandidaten".</summary>
    public static string Count(long n, string singular, string plural) => $"{Whole(n)} {(n == 1 ? singular : plural)}";

    /// <summary>"1 week", "2 weken".</summary>
    public static string Weeks(long n) => Count(n, "week", "weken");

    /// <summary>"1 maand", "3 maanden".</summary>
    public static string Months(long n) => Count(n, "maand", "maanden");

    /// <summary>A number with at most one decimal, after a comma: "32", "12,5".</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>A number with exactly <paramref name="decimals"/> decimals after a comma: "3,28", "-0,05", "0,8034".</summary>
    public static string Decimals(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>A whole number with a dot between thousands: "200", "20.000".</summary>
    public static string Whole(long n) => n.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>
    /// A number as given, for messages that echo or bound a value: every decimal up to six after a comma ("0,5", "52,09")
    /// and, from 10.000 up, a dot between thousands (a year stays "1940").
    /// </summary>
    public static string Exact(double value)
    {
        var pattern = Math.Abs(value) >= 10_000 ? "#,##0.######" : "0.######";
        return value.ToString(pattern, CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',').Replace(' ', '.');
    }

    /// <summary>A quantity as given: like <see cref="Exact"/>, but with a dot between thousands from 1.000 up ("1.000", "1.500,5").</summary>
    public static string Grouped(double value)
    {
        var pattern = Math.Abs(value) >= 1_000 ? "#,##0.######" : "0.######";
        return value.ToString(pattern, CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',').Replace(' ', '.');
    }

    /// <summary>Why a text is too long: "mag hoogstens 20.000 tekens lang zijn, niet 20.001".</summary>
    public static string TooLong(int length, int maxLength) => $"mag hoogstens {Whole(maxLength)} tekens lang zijn, niet {Whole(length)}";

    /// <summary>A distance in whole km, "minder dan 1 km" below one: "5 km", "minder dan 1 km".</summary>
    public static string Km(double km) => km < 0.5 ? "minder dan 1 km" : $"{Whole((long)Math.Round(km, MidpointRounding.AwayFromZero))} km";

    /// <summary>
    /// Where a candidate lives against their reach: "woont op 28 km, reist tot 20 km", with a decimal where whole km would show no
    /// difference ("woont op 10,2 km, reist tot 10 km").
    /// </summary>
    public static string BeyondReach(double distanceKm, double reachKm)
    {
        var shown = Math.Round(distanceKm, MidpointRounding.AwayFromZero) > Math.Round(reachKm, MidpointRounding.AwayFromZero) ? Km(distanceKm)
            : Math.Round(distanceKm, 1) > reachKm ? $"{Number(distanceKm)} km" : $"{Decimals(distanceKm, 2)} km";
        return $"woont op {shown}, reist tot {Number(reachKm)} km";
    }

    /// <summary>Hours: "32 uur", "12,5 uur".</summary>
    public static string Hours(double hours) => $"{Number(hours)} uur";

    /// <summary>A chance as a whole percentage, without a space: "23%".</summary>
    public static string Percent(double chance) => $"{Math.Round(chance * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)}%";

    /// <summary>Euros as Dutch readers write them: "€ 1.234,56" (thousands with a dot, cents after a comma, a space after the sign).</summary>
    public static string Euro(decimal amount)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("#,##0.00", CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',').Replace(' ', '.');
        return rounded < 0 ? $"€ -{text}" : $"€ {text}";
    }

    /// <summary>A date as Dutch readers write it: "5 december 2026".</summary>
    public static string Date(DateOnly day) => $"{day.Day.ToString(CultureInfo.InvariantCulture)} {MonthWords[day.Month - 1]} {day.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A moment as Dutch readers write it, in the time zone of <paramref name="at"/>: "5 december 2026 14:03".</summary>
    public static string DateTime(DateTimeOffset at) => $"{Date(DateOnly.FromDateTime(at.DateTime))} {at.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>A list joined the Dutch way: "a", "a en b", "a, b en c" (or with <paramref name="conjunction"/> "of").</summary>
    public static string List(IEnumerable<string> items, string conjunction = "en")
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToArray();
        return all.Length switch
        {
            0 => "",
            1 => all[0],
            _ => $"{string.Join(", ", all[..^1])} {conjunction} {all[^1]}",
        };
    }

    /// <summary>The education level in words: "geen diploma", "vo", "mbo 2", "hbo".</summary>
    public static string Education(EducationLevel level) => EducationWords[(int)level];

    /// <summary>The Dutch language level: "A2", or "lager dan A1" for none.</summary>
    public static string Language(CefrLevel level) => level == CefrLevel.None ? "lager dan A1" : level.ToString();

    /// <summary>The shift in words: "dagdienst", "avonddienst", "nachtdienst", "weekenddienst".</summary>
    public static string Shift(Shift shift) => shift switch
    {
        Domain.Shift.Day => "dagdienst",
        Domain.Shift.Evening => "avonddienst",
        Domain.Shift.Night => "nachtdienst",
        _ => "weekenddienst",
    };
}
