namespace MatchEngine.Engine.Matching;

/// <summary>
/// The hand-weighted rule an accountmanager might use, kept as the baseline the learned rankers must
/// beat: skills and certificates first, then wishes and experience, minus the hard gaps and distance.
/// </summary>
public static class RuleScore
{
    private static readonly (string Feature, double Weight)[] Weights =
    [
        ("required_skill_coverage", 3), ("certificate_coverage", 2), ("preferred_skill_share", 0.5), ("years_same_isco", 0.3),
        ("desired_isco_match", 1), ("desired_sector_match", 0.5), ("distance_ratio", -1), ("hours_overlap", 0.5), ("shift_fit", 1),
        ("education_gap", -0.7), ("dutch_gap", -0.7), ("load_gap", -1),
    ];

    private static readonly (int Index, double Weight)[] Indexed = Weights.Select(w => (PairFeatures.IndexOf(w.Feature), w.Weight)).ToArray();

    /// <summary>The rule score of a pair's feature vector.</summary>
    public static double Of(float[] features) => Indexed.Sum(w => w.Weight * features[w.Index]);
}
