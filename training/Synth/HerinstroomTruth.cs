using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// The generator's proportional-hazards truth of herinstroom: a relative risk per placement, and a
/// piecewise-linear baseline cumulative hazard calibrated on the generated placements so that the
/// population's cumulative herinstroom meets the Divosa figures (<see cref="CalibrationTargets.Herinstroom"/>).
/// </summary>
public sealed class HerinstroomTruth
{
    private readonly (double Months, double CumulativeHazard)[] _knots;

    /// <summary>
    /// Strength of the covariate effects on the log-hazard. Divosa reports herinstroom rising steeply with
    /// the length of the previous spell and with earlier returns; at 1.5 the best possible C-index on a
    /// generated region is about 0.75, in line with published herinstroom models.
    /// </summary>
    public const double EffectScale = 1.5;

    private HerinstroomTruth((double, double)[] knots) => _knots = knots;

    /// <summary>Relative risk: longer spells, earlier exits, debts and flexible contracts raise it; jobcoaching and completed routes lower it.</summary>
    public static double RelativeRisk(Placement p, Candidate c)
    {
        var age = p.Start.Year - (c.BirthYear ?? p.Start.Year - 40);
        var x = 0.45 * (c.MonthsInBijstand >= 60 ? 1 : 0)
              + 0.005 * Math.Min(c.MonthsInBijstand, 120)
              + 0.18 * c.PriorOutflows
              + 0.35 * (c.DebtSupport ? 1 : 0)
              + 0.25 * (c.NeedsJobcoach ? 1 : 0)
              - 0.55 * (p.Instruments.Contains(Instrument.Jobcoach) ? 1 : 0)
              - 0.6 * (p.RouteCompleted == true ? 1 : 0)
              + 0.3 * (p.Contract is ContractKind.Agency or ContractKind.OnCall ? 1 : 0)
              - 0.35 * (p.Contract == ContractKind.Permanent ? 1 : 0)
              - 0.06 * (int)c.Education
              + 0.2 * (c.Dutch <= CefrLevel.A2 ? 1 : 0)
              + 0.25 * (age < 25 ? 1 : 0)
              - 0.012 * (p.HoursPerWeek - 24);
        return Math.Exp(EffectScale * x);
    }

    /// <summary>Calibrates the baseline so that the mean of 1 − exp(−r·H0(t)) over <paramref name="risks"/> hits each target.</summary>
    public static HerinstroomTruth Calibrate(IReadOnlyList<double> risks)
    {
        var knots = new List<(double, double)> { (0, 0) };
        var previous = 0.0;
        foreach (var (months, share) in CalibrationTargets.Herinstroom)
        {
            double lo = previous, hi = 50;
            for (var i = 0; i < 100; i++)
            {
                var mid = (lo + hi) / 2;
                var mean = risks.Average(r => 1 - Math.Exp(-r * mid));
                if (mean < share) lo = mid; else hi = mid;
            }
            previous = (lo + hi) / 2;
            knots.Add((months, previous));
        }
        return new HerinstroomTruth(knots.ToArray());
    }

    /// <summary>Months from the start to herinstroom for relative risk <paramref name="risk"/>, or null when beyond the last knot.</summary>
    public double? DrawMonths(double risk, Dice dice)
    {
        var target = -Math.Log(1 - dice.Uniform()) / risk;
        for (var i = 1; i < _knots.Length; i++)
        {
            var (m0, h0) = _knots[i - 1];
            var (m1, h1) = _knots[i];
            if (target <= h1) return m0 + (m1 - m0) * (target - h0) / (h1 - h0);
        }
        return null;
    }
}
