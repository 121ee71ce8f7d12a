using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Models.Ranking;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Synth;

/// <summary>
/// The most any ranker can reach on a synthetic region: the held-out groups of the ranker's time split
/// ranked by the generator's hidden truth without its pair noise (<see cref="Compatibility.ExpectedLogOdds"/>).
/// Outcomes are still random draws from that truth, so even this oracle loses NDCG; a learned ranker's
/// headroom over a baseline is the distance to this ceiling, not to 1. Meaningful only on a region made
/// by <c>matchengine synth</c>.
/// </summary>
public static class RankingCeiling
{
    /// <param name="shape">The shape of the truth the region was made with (<c>synth --truth</c>).</param>
    /// <param name="truthLabels">Gives a stored candidate the labels the generator drew, when the region was written with
    /// <c>--messy</c> (<see cref="RewrittenLabelFile.Restorer"/>); null for a clean region.</param>
    public static (RankingMetrics Oracle, int TestGroups, DateOnly SplitDate) Measure(CatalogService catalog, IReadOnlyList<RankingGroup> groups,
        TruthShape shape = TruthShape.Additive, Func<Candidate, Candidate>? truthLabels = null)
    {
        truthLabels ??= c => c;
        var (_, test, split) = RankingDataset.TimeSplit(groups);
        var oracle = RankingMetrics.Compute(test.Select(g =>
        {
            var employer = catalog.Store.GetEmployer(g.Vacancy.EmployerId)
                ?? throw new InvalidOperationException($"vacature {g.Vacancy.Id}: werkgever {g.Vacancy.EmployerId} ontbreekt");
            return (IReadOnlyList<(int, double)>)g.CandidateIds.Select((id, i) =>
            {
                var candidate = catalog.Store.GetCandidate(id) ?? throw new InvalidOperationException($"kandidaat {id} ontbreekt");
                return (g.Labels[i], Compatibility.ExpectedLogOdds(g.Vacancy, employer, truthLabels(candidate), shape));
            }).ToArray();
        }));
        return (oracle, test.Length, split);
    }
}

/// <summary>
/// Whole-pool NDCG@10 against the generator's truth: for each held-out vacancy with an outcome, every consenting candidate's
/// expected gain under the truth without pair noise (invited with p = σ(z), hired with σ(z − 0.1): gain
/// p·(1 + 2·σ(z − 0.1)) on the stage grades hired 2, invited 1), the ideal being the truth's own top 10 of the whole pool (so
/// the truth's ranking scores 1); a ranker's top 10 of what shortlist retrieval returns is scored against it. Also against
/// outcomes drawn for the whole pool as the generator draws them (<see cref="SampledNdcg10"/>), where the truth's own
/// ranking scores below 1 because of the pair noise. Meaningful only on a region made by <c>matchengine synth</c>.
/// </summary>
public sealed class TruthGains
{
    /// <summary>Whole-pool outcome draws averaged by <see cref="SampledNdcg10"/>.</summary>
    public const int Draws = 5;

    private readonly Dictionary<string, Dictionary<string, double>> _gains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> _logOdds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _ideal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>[]> _drawn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double[]> _drawnIdeal = new(StringComparer.Ordinal);

    /// <summary>Computes the truth's gains of every consenting candidate for every group of <paramref name="pool"/>.</summary>
    /// <param name="shape">As for <see cref="RankingCeiling.Measure"/>: the shape of the region's truth.</param>
    /// <param name="truthLabels">As for <see cref="RankingCeiling.Measure"/>: the generator's labels of a messy region's candidates; null for a clean region.</param>
    public TruthGains(CatalogService catalog, WholePool pool, TruthShape shape = TruthShape.Additive, Func<Candidate, Candidate>? truthLabels = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(pool);
        var candidates = catalog.Store.Candidates().Where(c => c.ConsentMatching).Select(truthLabels ?? (c => c)).ToArray();
        foreach (var g in pool.Groups)
        {
            var v = g.Logged.Vacancy;
            var employer = catalog.Store.GetEmployer(v.EmployerId) ?? throw new InvalidOperationException($"vacature {v.Id}: werkgever {v.EmployerId} ontbreekt");
            var z = candidates.ToDictionary(c => c.Id, c => Compatibility.ExpectedLogOdds(v, employer, c, shape), StringComparer.Ordinal);
            var gains = z.ToDictionary(x => x.Key, x => Gain(x.Value), StringComparer.Ordinal);
            _gains[v.Id] = gains;
            _logOdds[v.Id] = z;
            _ideal[v.Id] = Dcg(gains.Values.OrderDescending().Take(10).ToArray());
            // Seeded per vacancy, so every model is scored against the same draws. Positions are not capped here: any
            // invited candidate may be hired, as the grade "would be hired" asks.
            var dice = new Dice(Seed(v.Id));
            _drawn[v.Id] = [.. Enumerable.Range(0, Draws).Select(_ => z.ToDictionary(x => x.Key, x =>
            {
                var drawn = x.Value + Compatibility.PairNoise * dice.Normal();
                return !dice.Chance(Compatibility.Sigmoid(drawn)) ? 0 : dice.Chance(Compatibility.Sigmoid(drawn - 0.1)) ? 2 : 1;
            }, StringComparer.Ordinal))];
            _drawnIdeal[v.Id] = [.. _drawn[v.Id].Select(d => Dcg(d.Values.OrderDescending().Take(10).Select(l => Math.Pow(2, l) - 1).ToArray()))];
        }
    }

    private static int Seed(string id)
    {
        var seed = 17;
        foreach (var ch in id) seed = unchecked(seed * 31 + ch);
        return seed;
    }

    /// <summary>
    /// Mean over groups and <see cref="Draws"/> of the NDCG@10 (stage grades) of the top 10 by <paramref name="score"/> against
    /// outcomes drawn for every consenting candidate from the truth with its pair noise (seeded per vacancy), the ideal
    /// being the best 10 of the whole pool's drawn outcomes.
    /// </summary>
    public double SampledNdcg10(WholePool pool, Func<WholePoolGroup, IReadOnlyList<double>> score)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(score);
        if (pool.Groups.Count == 0) return 0;
        return pool.Groups.Average(g =>
        {
            var s = score(g);
            var top = Enumerable.Range(0, s.Count).OrderByDescending(i => s[i]).ThenBy(i => i).Take(10).Select(i => g.CandidateIds[i]).ToArray();
            var draws = _drawn[g.Logged.Vacancy.Id];
            var ideals = _drawnIdeal[g.Logged.Vacancy.Id];
            return Enumerable.Range(0, Draws).Average(d => ideals[d] == 0 ? 0 : Dcg([.. top.Select(id => Math.Pow(2, draws[d].GetValueOrDefault(id)) - 1)]) / ideals[d]);
        });
    }

    /// <summary>Expected graded gain of a pair with noise-free log-odds <paramref name="z"/>.</summary>
    public static double Gain(double z) => Compatibility.Sigmoid(z) * (1 + 2 * Compatibility.Sigmoid(z - 0.1));

    /// <summary>The truth's gain of a retrieved candidate (for ranking by the truth itself).</summary>
    public double Of(string vacancyId, string candidateId) => _gains[vacancyId].GetValueOrDefault(candidateId);

    /// <summary>
    /// The truth's chance that the employer invites a retrieved candidate when proposed: σ of the pair's log-odds with the
    /// generator's pair noise, averaged over that noise (what a calibrated "kans op uitnodiging" should say).
    /// </summary>
    public double InvitationChance(string vacancyId, string candidateId) =>
        _logOdds[vacancyId].TryGetValue(candidateId, out var z) ? ExpectedSigmoid(z, Compatibility.PairNoise) : 0;

    /// <summary>E[σ(z + s·ε)] for standard normal ε, by the midpoint rule over ±5 standard deviations.</summary>
    public static double ExpectedSigmoid(double z, double s)
    {
        var sum = 0.0;
        for (var i = 0; i < Nodes.Length; i++) sum += NodeWeights[i] * Compatibility.Sigmoid(z + s * Nodes[i]);
        return sum;
    }

    private static readonly double[] Nodes = [.. Enumerable.Range(0, 200).Select(i => -5 + (i + 0.5) * 10.0 / 200)];

    /// <summary>The standard normal density at each of <see cref="Nodes"/>, normalised to sum to 1.</summary>
    private static readonly double[] NodeWeights = Normalised([.. Nodes.Select(e => Math.Exp(-e * e / 2))]);

    private static double[] Normalised(double[] weights)
    {
        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    /// <summary>Mean over groups of the DCG@10 of the top 10 by <paramref name="score"/> over the ideal DCG@10 of the whole pool.</summary>
    public double Ndcg10(WholePool pool, Func<WholePoolGroup, IReadOnlyList<double>> score)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(score);
        if (pool.Groups.Count == 0) return 0;
        return pool.Groups.Average(g =>
        {
            var s = score(g);
            var gains = _gains[g.Logged.Vacancy.Id];
            var top = Enumerable.Range(0, s.Count).OrderByDescending(i => s[i]).ThenBy(i => i).Take(10).Select(i => gains.GetValueOrDefault(g.CandidateIds[i])).ToArray();
            var ideal = _ideal[g.Logged.Vacancy.Id];
            return ideal == 0 ? 0 : Dcg(top) / ideal;
        });
    }

    private static double Dcg(IReadOnlyList<double> gains)
    {
        var dcg = 0.0;
        for (var i = 0; i < gains.Count; i++) dcg += gains[i] / Math.Log2(i + 2);
        return dcg;
    }
}
