using MatchEngine.Engine.Domain;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Fairness;

/// <summary>
/// Turns a <see cref="FairnessTally"/> into a <see cref="FairnessAudit"/>: per protected attribute and group, the lenses the
/// tally has data for, each with its group size, its value on all units and a bootstrap interval (<see cref="UnitBootstrap"/>).
/// <list type="bullet">
/// <item><c>exposure_pool</c>: the group's share of the exposed places over its share of the pool, each unit's pool share weighted by
/// the unit's exposed places (<see cref="Tallied.PoolExpected"/>; 1 = proportional);</item>
/// <item><c>exposure_qualified</c>: the same over its share of the qualified pool;</item>
/// <item><c>equal_opportunity</c>: of the group's members who succeeded, the share exposed, over the best group's (1 = parity);
/// the best group is chosen among groups that are not too small, on all units;</item>
/// <item><c>calibration</c>: the group's mean predicted chance minus its observed rate, less the same gap over every case. A model
/// that is off for everyone alike (the rate drifted between the training years and the held-out ones) treats no group differently;
/// that gap is the model's calibration, reported with its quality.</item>
/// </list>
/// A group below <see cref="FairnessAudit.DefaultMinimumGroupSize"/> in a lens's unit, or with fewer distinct people behind it where the
/// tally records them (<see cref="FairnessTally.SetPeople"/>), is marked too small. Equal opportunity counts events
/// at the top, so its unit is the group's expected successes at the top (its successes times the pooled share at the top): a ratio of
/// rates that rests on a handful of events is not evidence either way. Stateless.
/// </summary>
public static class FairnessLenses
{
    /// <summary>The audit of <paramref name="tally"/>; <paramref name="units"/> says in Dutch what one unit is, e.g. "achtergehouden vacatures".</summary>
    public static FairnessAudit Audit(FairnessTally tally, string units, int seed, int minimumGroupSize = FairnessAudit.DefaultMinimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return Audit(tally, units, UnitBootstrap.Draws(tally.Units, 0, seed), null, minimumGroupSize);
    }

    /// <summary>
    /// The audit of <paramref name="tally"/> with intervals over <paramref name="draws"/>. Without <paramref name="sums"/> each draw
    /// weighs the tally's units; with it, <paramref name="sums"/> gives each draw's counts per group (in <see cref="FairnessTally.Groups"/>
    /// order) and measure, for a two-way bootstrap that also weighs people (<see cref="BootstrapDraw.People"/>).
    /// </summary>
    public static FairnessAudit Audit(FairnessTally tally, string units, IReadOnlyList<BootstrapDraw> draws, Func<BootstrapDraw, double[][]>? sums,
        int minimumGroupSize = FairnessAudit.DefaultMinimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(draws);
        var groups = tally.Groups();
        var dense = tally.Dense(groups);
        sums ??= d => dense.Sums(d.Units);
        var all = dense.Sums();
        var points = Compute(groups, all, minimumGroupSize, tally.People, shape: null);
        var shape = new Shape(points.Select(p => (p.Attribute, p.Lens)).ToHashSet(),
            points.Where(p => p.Lens is FairnessLens.EqualOpportunity or FairnessLens.EqualOpportunityAtEqualExperience or FairnessLens.EqualOpportunityAtEqualDutch)
                .GroupBy(p => (p.Lens, p.Attribute))
                .SelectMany(l => l.Any(p => !p.TooSmall) ? l.Where(p => !p.TooSmall) : l)
                .Select(p => (p.Lens, p.Attribute, p.Group)).ToHashSet());
        var (intervals, perFinding) = UnitBootstrap.Intervals(draws, [.. points.Select(p => !p.TooSmall)],
            d => [.. Compute(groups, sums(d), minimumGroupSize, tally.People, shape).Select(p => p.Value)]);
        return new FairnessAudit([.. points.Select((p, i) => p with { Low = intervals[i].Low, High = intervals[i].High })], minimumGroupSize,
            UnitBootstrap.Level, draws.Count, $"{Dutch.Whole(tally.Units)} {units}") { PerFindingLevel = perFinding };
    }

    /// <summary>Which lenses each attribute has and which groups are equal opportunity's reference, fixed on all units so every resample computes the same findings.</summary>
    private sealed record Shape(HashSet<(string Attribute, string Lens)> Lenses, HashSet<(string Lens, string Attribute, string Group)> References);

    private static List<FairnessFinding> Compute(IReadOnlyList<(string Attribute, string Group)> groups, double[][] sums, int minimum,
        Func<(string Attribute, string Group), Tallied, int?> people, Shape? shape)
    {
        var findings = new List<FairnessFinding>();
        double S(int g, Tallied t) => sums[g][(int)t];
        // A group's size in the lens's unit, or the people behind it where fewer (the pairs of one candidate are not independent).
        double Size(int g, Tallied t) => people(groups[g], t) is { } n ? Math.Min(n, S(g, t)) : S(g, t);
        foreach (var attribute in groups.Select(g => g.Attribute).Distinct())
        {
            var members = Enumerable.Range(0, groups.Count).Where(g => groups[g].Attribute == attribute).ToArray();
            double Total(Tallied t) => members.Sum(g => S(g, t));
            bool Has(string lens, bool onAll) => shape is null ? onAll : shape.Lenses.Contains((attribute, lens));
            void Share(string lens, Tallied of, Tallied over, Tallied size)
            {
                if (!Has(lens, Total(over) > 0 && Total(of) > 0)) return;
                foreach (var g in members)
                {
                    var value = S(g, over) == 0 || Total(of) == 0 || Total(over) == 0 ? double.NaN : S(g, of) / Total(of) / (S(g, over) / Total(over));
                    findings.Add(Finding(lens, groups[g], Size(g, size), value, minimum));
                }
            }
            Share(FairnessLens.PoolExposure, Tallied.Exposed, Tallied.PoolExpected, Tallied.Pool);
            Share(FairnessLens.QualifiedExposure, Tallied.ExposedWhereQualified, Tallied.QualifiedExpected, Tallied.Qualified);
            Share(FairnessLens.QualifiedExposureAtEqualExperience, Tallied.ExposedAtEqualExperience, Tallied.QualifiedExpected, Tallied.Qualified);
            Opportunity(FairnessLens.EqualOpportunity, Tallied.SucceededExposed, Total(Tallied.Succeeded) > 0);
            Opportunity(FairnessLens.EqualOpportunityAtEqualExperience, Tallied.SucceededExposedAtEqualExperience,
                Total(Tallied.Succeeded) > 0 && Total(Tallied.ExposedAtEqualExperience) > 0);
            Opportunity(FairnessLens.EqualOpportunityAtEqualDutch, Tallied.SucceededExposedAtEqualDutch,
                Total(Tallied.Succeeded) > 0 && Total(Tallied.ExposedAtEqualDutch) > 0);
            void Opportunity(string lens, Tallied exposed, bool onAll)
            {
                if (!Has(lens, onAll)) return;
                double Rate(int g) => S(g, Tallied.Succeeded) == 0 ? double.NaN : S(g, exposed) / S(g, Tallied.Succeeded);
                var pooledRate = Total(Tallied.Succeeded) == 0 ? 0 : Total(exposed) / Total(Tallied.Succeeded);
                // The best group among those large enough to count; when none is, among all, so the ratios are still shown (all too small).
                var counted = members.Where(g => S(g, Tallied.Succeeded) * pooledRate >= minimum).ToArray();
                var referenceGroups = shape is null ? (counted.Length > 0 ? counted : members) : members.Where(g => shape.References.Contains((lens, groups[g].Attribute, groups[g].Group)));
                var reference = referenceGroups.Select(Rate).Where(r => !double.IsNaN(r)).DefaultIfEmpty(double.NaN).Max();
                var pooled = Total(Tallied.Succeeded) == 0 ? 0 : Total(exposed) / Total(Tallied.Succeeded);
                foreach (var g in members)
                {
                    var rate = Rate(g);
                    var value = double.IsNaN(rate) || double.IsNaN(reference) ? double.NaN : reference == 0 ? 1 : rate / reference;
                    findings.Add(Finding(lens, groups[g], S(g, Tallied.Succeeded), value, minimum) with { TooSmall = S(g, Tallied.Succeeded) * pooled < minimum });
                }
            }
            if (Has(FairnessLens.Calibration, Total(Tallied.Cases) > 0))
            {
                var overall = Total(Tallied.Cases) == 0 ? double.NaN : (Total(Tallied.Predicted) - Total(Tallied.Observed)) / Total(Tallied.Cases);
                foreach (var g in members)
                {
                    var n = S(g, Tallied.Cases);
                    var gap = n == 0 ? double.NaN : (S(g, Tallied.Predicted) - S(g, Tallied.Observed)) / n - overall;
                    findings.Add(Finding(FairnessLens.Calibration, groups[g], Size(g, Tallied.Cases), gap, minimum));
                }
            }
        }
        return findings;
    }

    private static FairnessFinding Finding(string lens, (string Attribute, string Group) group, double size, double value, int minimum) =>
        new(lens, group.Attribute, group.Group, (int)Math.Round(size), value, double.NaN, double.NaN, size < minimum);
}
