namespace MatchEngine.Training.Ranking;

/// <summary>
/// The position-based examination model: an accountmanager or employer looks at the candidate at shortlist
/// position p with probability θ(p) = 1/p^η (θ(1) = 1). An outcome logged at position p is weighted by
/// 1/θ(p) = p^η, clipped at <see cref="Clip"/> so a few deep successes cannot dominate. η is either given or
/// estimated from the invitation rate by position: log rate(p) = a − η·log p, least squares weighted by the
/// pairs per position. The logged order was itself a choice of better candidates first, so the estimate also
/// holds relevance and is an upper bound of the true examination effect. Immutable.
/// </summary>
/// <param name="Eta">Examination exponent η ≥ 0; 0 weights every outcome 1 (plain metrics).</param>
/// <param name="Clip">Largest weight.</param>
/// <param name="Estimated">True when η was estimated from the logged data.</param>
public sealed record PositionPropensity(double Eta, double Clip, bool Estimated)
{
    /// <summary>Default weight clip.</summary>
    public const double DefaultClip = 10;

    /// <summary>η assumed when the data cannot estimate it (the classic 1/position model).</summary>
    public const double DefaultEta = 1;

    /// <summary>Positions need this many logged pairs to take part in the estimate.</summary>
    public const int MinimumPairsPerPosition = 20;

    /// <summary>Examination probability at 1-based <paramref name="position"/>.</summary>
    public double Examination(int position) => Math.Pow(Math.Max(1, position), -Eta);

    /// <summary>Inverse-propensity weight of an outcome logged at <paramref name="position"/> (null: 1).</summary>
    public double Weight(int? position) => position is { } p ? Math.Min(Clip, 1 / Examination(p)) : 1;

    /// <summary>
    /// η from the invitation rate (label ≥ 1) by logged position of <paramref name="groups"/>; <see cref="DefaultEta"/> when
    /// fewer than three positions have enough pairs. Clamped to [0, 2].
    /// </summary>
    public static PositionPropensity Estimate(IEnumerable<RankingGroup> groups, LoggedPositions positions, double clip = DefaultClip)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(positions);
        var byPosition = new SortedDictionary<int, (int Pairs, int Invited)>();
        foreach (var g in groups)
        {
            for (var i = 0; i < g.CandidateIds.Count; i++)
            {
                if (positions.Of(g.Vacancy.Id, g.CandidateIds[i]) is not { } p) continue;
                var (n, k) = byPosition.GetValueOrDefault(p);
                byPosition[p] = (n + 1, k + (g.Labels[i] >= 1 ? 1 : 0));
            }
        }
        var points = byPosition.Where(x => x.Value.Pairs >= MinimumPairsPerPosition && x.Value.Invited > 0)
            .Select(x => (X: Math.Log(x.Key), Y: Math.Log(x.Value.Invited / (double)x.Value.Pairs), W: (double)x.Value.Pairs)).ToArray();
        if (points.Length < 3) return new PositionPropensity(DefaultEta, clip, false);
        var sw = points.Sum(p => p.W);
        var mx = points.Sum(p => p.W * p.X) / sw;
        var my = points.Sum(p => p.W * p.Y) / sw;
        var sxx = points.Sum(p => p.W * (p.X - mx) * (p.X - mx));
        var slope = sxx == 0 ? 0 : points.Sum(p => p.W * (p.X - mx) * (p.Y - my)) / sxx;
        return new PositionPropensity(Math.Clamp(-slope, 0, 2), clip, true);
    }
}
