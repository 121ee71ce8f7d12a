namespace MatchEngine.Engine.Domain;

/// <summary>
/// How much of a working life a count in a record can mean, as the models read it. The contract bounds years of
/// experience, months in the bijstand and earlier exits only from below, so a record may hold 400 years or
/// 2,147,483,647 months (a typing error, or a system's "unknown" written as a number); a model's slope carried to such a
/// value would put one candidate above every other, or a risk at certainty. The models count each up to a working life
/// of <see cref="Years"/> years from 15 to 65; the record keeps what was sent.
/// </summary>
public static class WorkingLife
{
    /// <summary>The longest working life, in years.</summary>
    public const int Years = 50;

    /// <summary>The most months in the current benefit spell the models count: a working life of months.</summary>
    public const int Months = Years * 12;

    /// <summary>The most earlier exits from the bijstand the models count: one for each year of a working life.</summary>
    public const int Exits = Years;

    /// <summary>Years of experience as the models count them: at most <see cref="Years"/>.</summary>
    public static double CountedYears(double years) => Math.Min(years, Years);

    /// <summary>Months in the current benefit spell as the models count them: at most <see cref="Months"/>.</summary>
    public static int CountedMonths(int months) => Math.Min(months, Months);

    /// <summary>Earlier exits from the bijstand as the models count them: at most <see cref="Exits"/>.</summary>
    public static int CountedExits(int exits) => Math.Min(exits, Exits);
}
