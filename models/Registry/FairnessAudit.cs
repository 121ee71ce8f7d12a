namespace MatchEngine.Models.Registry;

/// <summary>
/// A model's fairness audit as stored in its manifest: one <see cref="FairnessFinding"/> per lens, protected attribute
/// and group, each with its group size and a bootstrap interval. The audit is computed by the training run; the registry
/// judges it (<see cref="FairnessGate"/>). Immutable.
/// </summary>
/// <param name="Findings">Every lens, attribute and group, in a stable order.</param>
/// <param name="MinimumGroupSize">Groups smaller than this (in the lens's own unit) are marked too small and neither block nor set a reference.</param>
/// <param name="Level">Coverage of the intervals (0.9: the 5th and 95th bootstrap percentiles).</param>
/// <param name="Replicates">Bootstrap replicates, resampling the audit's units (vacancies for the ranker, placements otherwise).</param>
/// <param name="Units">What was resampled and how many, e.g. <c>"123 held-out vacancies"</c>.</param>
public sealed record FairnessAudit(IReadOnlyList<FairnessFinding> Findings, int MinimumGroupSize, double Level, int Replicates, string Units)
{
    /// <summary>Smallest group that counts. Chosen so a 90% interval of a share is no wider than about ±0.15 at a share of 0.5.</summary>
    public const int DefaultMinimumGroupSize = 30;

    /// <summary>Per-age-band explanation of the exposure difference by the model's own features (ranker only; empty otherwise).</summary>
    public IReadOnlyList<AgeBandExplanation> AgeBands { get; init; } = [];

    /// <summary>What fair re-ranking would do, per attribute (ranker only; empty otherwise).</summary>
    public IReadOnlyList<FairRerankingCost> Reranking { get; init; } = [];

    /// <summary>The findings of one lens.</summary>
    public IEnumerable<FairnessFinding> Of(string lens) => Findings.Where(f => f.Lens == lens);

    /// <summary>
    /// True when <paramref name="finding"/>'s ratio is held to the threshold: a gated ratio lens, unless the same group also has the
    /// lens's equal-experience counterpart (age bands of the ranker), which is gated instead. Too small groups are never gated.
    /// </summary>
    public bool IsGatedRatio(FairnessFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.TooSmall || !FairnessLens.GatedRatios.Contains(finding.Lens)) return false;
        return FairnessLens.AtEqualExperience(finding.Lens) is not { } counterpart
            || !Findings.Any(f => f.Lens == counterpart && f.Attribute == finding.Attribute && f.Group == finding.Group);
    }
}

/// <summary>
/// One group under one lens: its <see cref="Size"/> (the lens's unit: qualified candidate-vacancy pairs, invited or hired
/// candidates, scored cases), the point value and its bootstrap interval [<see cref="Low"/>, <see cref="High"/>].
/// Exposure and equal-opportunity values are ratios (1 = parity); calibration values are predicted minus observed rate.
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
/// without and with it, and the qualified-exposure ratio of the group lowest without it, before and after.
/// </summary>
public sealed record FairRerankingCost(string Attribute, double Share, double Ndcg10, double FairNdcg10, string LowestGroup, double LowestBefore, double LowestAfter);

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

    /// <summary>Ratio lenses whose upper bound may be held to the threshold.</summary>
    public static IReadOnlyList<string> GatedRatios { get; } = [QualifiedExposure, EqualOpportunity, QualifiedExposureAtEqualExperience, EqualOpportunityAtEqualExperience];

    /// <summary>The equal-experience counterpart of a lens, or null.</summary>
    public static string? AtEqualExperience(string lens) => lens switch
    {
        QualifiedExposure => QualifiedExposureAtEqualExperience,
        EqualOpportunity => EqualOpportunityAtEqualExperience,
        _ => null,
    };
}
