using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>The shape of a synthetic region's hidden truth (<see cref="Compatibility"/>).</summary>
public enum TruthShape
{
    /// <summary>Smooth: each part of the fit rises or falls gradually (slopes, squares, square roots).</summary>
    Additive,

    /// <summary>
    /// Steps and cliffs where <see cref="Additive"/> has slopes, and one more interaction: employers count whole skill sets,
    /// forgive a little extra travel or a few hours short and then not at all, and value two years of experience more when
    /// at least half the required skills come with it.
    /// </summary>
    Stepped,

    /// <summary>
    /// Interactions a per-feature model cannot draw: experience counts only with the required skills it comes with, a
    /// wanted occupation counts by how well the skills cover it, and soft mismatches (beyond reach, hours short, a shift
    /// missing, Dutch below the requirement) compound: one is forgiven, two weigh four times as much, three or more end it.
    /// </summary>
    Gated,
}

/// <summary>
/// The generator's hidden truth of how well a candidate fits a vacancy, on a log-odds scale: skills and
/// certificates, experience, wishes, travel, hours, education, language, physical load, shifts, spell
/// length and employer inclusiveness, with interactions and noise, in one of three shapes (<see cref="TruthShape"/>).
/// The learned ranker must discover it from outcomes; it is deliberately not a copy of the engine's pair features.
/// </summary>
public static class Compatibility
{
    /// <summary>The fit as the generator draws it: <see cref="ExpectedLogOdds"/> plus pair noise.</summary>
    public static double LogOdds(Vacancy v, Employer e, Candidate c, Dice dice, TruthShape shape = TruthShape.Additive) =>
        ExpectedLogOdds(v, e, c, shape) + PairNoise * dice.Normal();

    /// <summary>Standard deviation of the pair noise no feature can explain.</summary>
    public const double PairNoise = 0.6;

    /// <summary>
    /// The fit without the pair noise: the best any ranker could know. Ranking the history by it gives the
    /// ceiling of what a learned ranker can reach on a synthetic region (see docs/synthetic-region.md).
    /// </summary>
    public static double ExpectedLogOdds(Vacancy v, Employer e, Candidate c, TruthShape shape = TruthShape.Additive)
    {
        var skills = Labels.Keys(c.Skills);
        var certs = Labels.Keys(c.Certificates);
        var skillCov = v.SkillsRequired.Count == 0 ? 1 : v.SkillsRequired.Count(s => skills.Contains(Labels.Key(s))) / (double)v.SkillsRequired.Count;
        var certMissing = v.CertificatesRequired.Count(x => !certs.Contains(Labels.Key(x)));
        var years = Math.Min(6, c.YearsIn(v.Isco));
        var related = Math.Min(6, c.YearsInMajorGroup(v.Isco));
        var distance = v.Location.DistanceKm(c.Location);
        var reach = distance / c.MaxDistanceKm;
        var wants = c.DesiredIsco.Contains(v.Isco);
        var sector = c.DesiredSectors.Any(s => Labels.Same(s, v.Sector));
        var hoursShort = Math.Max(0, v.HoursMin - c.HoursMax);
        var shiftFit = v.Shifts.Count(s => c.ShiftsOk.Contains(s)) / (double)v.Shifts.Count;
        if (shape == TruthShape.Gated)
            return -1.0
                   + 1.2 * skillCov + 1.8 * skillCov * (1 - Math.Exp(-years / 1.5))
                   - 0.9 * certMissing
                   + 0.1 * related
                   + (wants ? 0.3 + 1.0 * skillCov : sector ? 0.35 : 0)
                   - 0.03 * distance
                   - CompoundedMismatches((reach > 1 ? 1 : 0) + (hoursShort > 0 ? 1 : 0) + (shiftFit < 0.999 ? 1 : 0) + (c.Dutch < v.DutchMin ? 1 : 0))
                   - 0.6 * Math.Max(0, v.EducationMin - c.Education)
                   - 1.4 * Math.Max(0, v.PhysicalLoad - c.PhysicalCapacity)
                   + (e.Inclusive ? 0.4 : -0.007 * Math.Min(c.MonthsInBijstand, 180))
                   + (c.NeedsJobcoach && !e.Inclusive ? -0.4 : 0);
        if (shape == TruthShape.Stepped)
            return -1.0
                   + (skillCov >= 0.999 ? 1.6 : skillCov >= 0.5 ? 0.8 : 0)
                   - 0.9 * certMissing
                   + 1.3 * (1 - Math.Exp(-years / 1.5)) + (years >= 2 && skillCov >= 0.5 ? 0.6 : 0) + 0.1 * related
                   + (wants ? 0.9 : sector ? 0.35 : 0)
                   - (reach <= 1.1 ? 0 : reach <= 1.5 ? 0.6 : 2.0) - 0.02 * distance
                   - (hoursShort <= 0 ? 0 : hoursShort <= 4 ? 0.3 : 1.5)
                   - (c.Dutch < v.DutchMin ? 1.2 : 0)
                   - 0.6 * Math.Max(0, v.EducationMin - c.Education)
                   - 1.4 * Math.Max(0, v.PhysicalLoad - c.PhysicalCapacity)
                   - (shiftFit >= 0.999 ? 0 : shiftFit > 0 ? 0.5 : 1.8)
                   - (c.MonthsInBijstand > 60 ? 0.8 : 0.004 * c.MonthsInBijstand)
                   + (e.Inclusive ? 0.4 + 0.004 * Math.Min(c.MonthsInBijstand, 120) : 0)
                   + (c.NeedsJobcoach && !e.Inclusive ? -0.4 : 0);
        return -1.0
               + 1.8 * skillCov * skillCov
               - 0.9 * certMissing
               + 0.45 * Math.Sqrt(years) + 0.12 * related
               + (wants ? 0.9 : sector ? 0.35 : 0)
               + 0.6 * (wants ? skillCov : 0)
               - 2.2 * Math.Max(0, reach - 0.8) - 0.03 * distance
               - 0.25 * hoursShort
               - 0.7 * Math.Max(0, v.DutchMin - c.Dutch)
               - 0.6 * Math.Max(0, v.EducationMin - c.Education)
               - 1.4 * Math.Max(0, v.PhysicalLoad - c.PhysicalCapacity)
               - 1.3 * (1 - shiftFit)
               - 0.007 * Math.Min(c.MonthsInBijstand, 180)
               + (e.Inclusive ? 0.4 + 0.004 * Math.Min(c.MonthsInBijstand, 120) : 0)
               + (c.NeedsJobcoach && !e.Inclusive ? -0.4 : 0);
    }

    /// <summary>The gated truth's cost of a number of soft mismatches: one forgiven mostly, two four times that, three or more prohibitive.</summary>
    private static double CompoundedMismatches(int count) => count switch { 0 => 0, 1 => 0.4, 2 => 1.6, _ => 3.5 };

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
