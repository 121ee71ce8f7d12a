namespace MatchEngine.Models.Ranking;

/// <summary>
/// One labelled (vacancy, candidate) pair for learning to rank: the group is the vacancy; the label is
/// graded relevance (0 proposed only, 1 invited, 2 hired); features follow the model's feature list.
/// </summary>
public sealed record RankingRow(string GroupId, int Label, float[] Features);

/// <summary>Which learned ranker.</summary>
public enum RankerKind
{
    /// <summary>LambdaMART, Microsoft.ML.FastTree.</summary>
    FastTree,

    /// <summary>LightGBM lambdarank.</summary>
    LightGbm,

    /// <summary>
    /// L-BFGS logistic regression of "invited or hired" (label ≥ 1) on standardised features: one slope per feature, so
    /// it carries what the proposed candidates show to the parts of the pool nobody proposed.
    /// </summary>
    Logistic,

    /// <summary>
    /// The same logistic regression on a piecewise-linear basis of each feature (<see cref="HingeBasis"/>): each feature's
    /// term bends at its training quartiles, so a curved effect (experience that counts less after a few years, distance
    /// that matters more near the limit) is learned, while every term stays one feature's and extrapolates as a line.
    /// </summary>
    SplineLogistic,
}
