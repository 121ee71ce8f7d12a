namespace MatchEngine.Models.Registry;

/// <summary>
/// A model's fairness audit as stored in its manifest: one <see cref="FairnessFinding"/> per lens, protected attribute
/// and group, each with its group size and a bootstrap interval. The audit is computed by the training run; the registry
/// judges it (<see cref="FairnessGate"/>). Immutable.
/// </summary>
/// <param name="Findings">Every lens, attribute and group, in a stable order.</param>
/// <param name="MinimumGroupSize">Groups smaller than this (in the lens's own unit) are marked too small and neither block nor set a reference.</param>
/// <param name="Level">Joint coverage of the intervals: with 0.9, the intervals of all groups that count hold together in 90% of the
/// bootstrap replicates (<see cref="PerFindingLevel"/>).</param>
/// <param name="Replicates">Bootstrap replicates, resampling the audit's units (vacancies for the ranker, placements otherwise).</param>
/// <param name="Units">What was resampled and how many, in Dutch for the report, e.g. <c>"123 achtergehouden vacatures"</c>.</param>
public sealed record FairnessAudit(IReadOnlyList<FairnessFinding> Findings, int MinimumGroupSize, double Level, int Replicates, string Units)
{
    /// <summary>Smallest group that counts. Chosen so a 90% interval of a share is no wider than about ±0.15 at a share of 0.5.</summary>
    public const int DefaultMinimumGroupSize = 30;

    /// <summary>
    /// The percentile level each interval was read at so that the intervals of the groups that count hold jointly at
    /// <see cref="Level"/> (for example 0.996 over 38 findings); null in audits whose intervals were each a plain <see cref="Level"/> interval.
    /// </summary>
    public double? PerFindingLevel { get; init; }

    /// <summary>Per-age-band explanation of the exposure difference by the model's own features (ranker only; empty otherwise).</summary>
    public IReadOnlyList<AgeBandExplanation> AgeBands { get; init; } = [];

    /// <summary>What fair re-ranking would do, per attribute (ranker only; empty otherwise).</summary>
    public IReadOnlyList<FairRerankingCost> Reranking { get; init; } = [];

    /// <summary>The findings of one lens.</summary>
    public IEnumerable<FairnessFinding> Of(string lens) => Findings.Where(f => f.Lens == lens);

    /// <summary>
    /// True when <paramref name="finding"/>'s ratio is held to the threshold: a gated ratio lens, unless the same group also has the
    /// lens at equal qualification (the ranker's age bands at equal experience, leerwerk's migration background at equal Dutch),
    /// which is gated instead. Too small groups are never gated.
    /// </summary>
    public bool IsGatedRatio(FairnessFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.TooSmall || !FairnessLens.GatedRatios.Contains(finding.Lens)) return false;
        var counterparts = FairnessLens.AtEqualQualification(finding.Lens);
        return !Findings.Any(f => counterparts.Contains(f.Lens) && f.Attribute == finding.Attribute && f.Group == finding.Group);
    }
}

/// <summary>
/// One group under one lens: its <see cref="Size"/> (the lens's unit: qualified candidate-vacancy pairs, invited or hired
/// candidates, scored cases), the point value and its bootstrap interval [<see cref="Low"/>, <see cref="High"/>].
/// Exposure and equal-opportunity values are ratios (1 = parity); calibration values are the group's predicted minus observed
/// rate, less the same gap over every case (0 = the group fares as the others do at equal prediction).
/// </summary>
public sealed record FairnessFinding(string Lens, string Attribute, string Group, int Size, double Value, double Low, double High, bool TooSmall);

/// <summary>
/// How much of one age band's exposure difference the model's own features explain: <see cref="Gap"/> is the band's share of
/// the qualified pool minus its share of top-10 exposure; <see cref="GapWithoutAgeLinked"/> the same gap when the features that
/// grow with age (experience, spell length, earlier exits) are set to the vacancy's pool median for everyone;
/// <see cref="Explained"/> = 1 − GapWithoutAgeLinked / Gap (NaN when there is no gap to explain).
/// </summary>
public sealed record AgeBandExplanation(string Group, double Gap, double GapWithoutAgeLinked, double Explained);

/// <summary>
/// Fair re-ranking of the whole-pool shortlists by one attribute at <see cref="Share"/>: whole-pool NDCG@10 on the recorded outcomes
/// without and with it, the qualified-exposure ratio of the group lowest without it, before and after, and the group lowest with it
/// (a re-ranking that lifts one group by pushing another below shows there). Only groups that count in the audit are compared.
/// </summary>
public sealed record FairRerankingCost(string Attribute, double Share, double Ndcg10, double FairNdcg10, string LowestGroup, double LowestBefore, double LowestAfter,
    string WorstAfterGroup = "", double WorstAfter = double.NaN)
{
    /// <summary>
    /// The cost and effect of re-ranking by <paramref name="attribute"/>: the ratios before are <paramref name="audit"/>'s qualified-exposure
    /// findings of the groups that count, <paramref name="after"/> each group's ratio with the re-ranking.
    /// </summary>
    public static FairRerankingCost Of(FairnessAudit audit, string attribute, double share, double ndcg10, double fairNdcg10, IReadOnlyDictionary<string, double> after)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(after);
        var counted = audit.Of(FairnessLens.QualifiedExposure).Where(f => f.Attribute == attribute && !f.TooSmall && !double.IsNaN(f.Value)).ToArray();
        var lowest = counted.MinBy(f => f.Value);
        var worstAfter = counted.Where(f => after.ContainsKey(f.Group)).MinBy(f => after[f.Group]);
        return new FairRerankingCost(attribute, share, ndcg10, fairNdcg10, lowest?.Group ?? "", lowest?.Value ?? double.NaN,
            lowest is null ? double.NaN : after.GetValueOrDefault(lowest.Group, double.NaN), worstAfter?.Group ?? "", worstAfter is null ? double.NaN : after[worstAfter.Group]);
    }
}

/// <summary>The lenses of a <see cref="FairnessAudit"/>.</summary>
public static class FairnessLens
{
    /// <summary>Share of top-10 exposure over share of the whole pool (reported, not gated).</summary>
    public const string PoolExposure = "exposure_pool";

    /// <summary>Share of top-10 exposure over share of the qualified pool (gated).</summary>
    public const string QualifiedExposure = "exposure_qualified";

    /// <summary>Among those who in fact succeeded, the share the model ranks or flags at the top, as a ratio to the best group (gated).</summary>
    public const string EqualOpportunity = "equal_opportunity";

    /// <summary>Mean predicted chance minus observed rate within the group (gated when under-predicting; flagged when over-predicting).</summary>
    public const string Calibration = "calibration";

    /// <summary>
    /// Qualified exposure when the features that grow with age (experience, spell length, earlier exits) are the same for everyone: for
    /// age bands, the part of the difference that is treatment rather than experience. Gated in place of <see cref="QualifiedExposure"/>.
    /// </summary>
    public const string QualifiedExposureAtEqualExperience = "exposure_qualified_equal_experience";

    /// <summary>Equal opportunity at equal experience (age bands); gated in place of <see cref="EqualOpportunity"/>.</summary>
    public const string EqualOpportunityAtEqualExperience = "equal_opportunity_equal_experience";

    /// <summary>
    /// Equal opportunity when the Dutch language level (the level itself and its margin over the route's minimum) is the same for
    /// everyone: for migration background under the route-success model, the part of the difference that is treatment rather than
    /// the language a route taught in Dutch asks. Gated in place of <see cref="EqualOpportunity"/>.
    /// </summary>
    public const string EqualOpportunityAtEqualDutch = "equal_opportunity_equal_dutch";

    /// <summary>Ratio lenses whose upper bound may be held to the threshold.</summary>
    public static IReadOnlyList<string> GatedRatios { get; } =
        [QualifiedExposure, EqualOpportunity, QualifiedExposureAtEqualExperience, EqualOpportunityAtEqualExperience, EqualOpportunityAtEqualDutch];

    /// <summary>The lenses gated in place of <paramref name="lens"/> for a group that has them: the same ratio at equal qualification.</summary>
    public static IReadOnlyList<string> AtEqualQualification(string lens) => lens switch
    {
        QualifiedExposure => [QualifiedExposureAtEqualExperience],
        EqualOpportunity => [EqualOpportunityAtEqualExperience, EqualOpportunityAtEqualDutch],
        _ => [],
    };
}
