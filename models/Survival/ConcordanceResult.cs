namespace MatchEngine.Models.Survival;

/// <summary>
/// Harrell's concordance with its pair counts. Comparable pairs are concordant, discordant or tied on
/// the prediction; pairs tied on an event time are reported but not compared.
/// </summary>
/// <param name="Concordant">Comparable pairs where the subject with the shorter time has the higher risk.</param>
/// <param name="Discordant">Comparable pairs where the subject with the shorter time has the lower risk.</param>
/// <param name="TiedRisk">Comparable pairs with equal risk (R's <c>tied.x</c>); each counts one half.</param>
/// <param name="TiedTime">Pairs of events at the same time with different risks (R's <c>tied.y</c>); not compared.</param>
/// <param name="TiedBoth">Pairs of events at the same time with equal risks (R's <c>tied.xy</c>); not compared.</param>
/// <param name="StandardError">Infinitesimal-jackknife standard error of <see cref="C"/>, as R's <c>concordance</c>.</param>
public sealed record ConcordanceResult(long Concordant, long Discordant, long TiedRisk, long TiedTime, long TiedBoth, double StandardError)
{
    /// <summary>Number of comparable pairs.</summary>
    public long Comparable => Concordant + Discordant + TiedRisk;

    /// <summary>C = (concordant + tied/2) / comparable, in [0, 1]; 0.5 is chance. NaN when no pair is comparable.</summary>
    public double C => (Concordant + (TiedRisk / 2.0)) / Comparable;
}
