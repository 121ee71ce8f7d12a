namespace MatchEngine.Engine.Sroi;

/// <summary>
/// The one rounding rule of SROI money: every amount a person sees is whole cents, rounded half away from zero where it
/// is computed (a placement's value, an obligation, a projection at the pace), and every total is the sum or difference
/// of amounts already rounded, so it adds up to the cent. Rates per day are kept to four decimals the same way.
/// </summary>
public static class SroiRounding
{
    /// <summary>Decimals of a per-day rate.</summary>
    public const int RateDecimals = 4;

    /// <summary><paramref name="euros"/> to whole cents, half away from zero.</summary>
    public static decimal Cents(decimal euros) => Math.Round(euros, 2, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="eurosPerDay"/> to <see cref="RateDecimals"/> decimals, half away from zero.</summary>
    public static decimal Rate(decimal eurosPerDay) => Math.Round(eurosPerDay, RateDecimals, MidpointRounding.AwayFromZero);
}
