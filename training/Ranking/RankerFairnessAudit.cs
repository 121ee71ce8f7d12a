using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Fairness;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// Audits a ranker by protected attribute (age band, gender, migration background; read here, never near a feature vector)
/// on the held-out vacancies of its run, resampled by vacancy:
/// <list type="bullet">
/// <item>exposure over the whole pool as serving ranks it (<see cref="WholePool"/>): each group's share of the top 10 against its
/// share of the pool and of the <see cref="Qualification">qualified</see> pool;</item>
/// <item>equal opportunity: of the held-out candidates who were in fact invited or hired and whom retrieval returned, the share in the
/// model's top 10 of the whole pool;</item>
/// <item>calibration: on the held-out logged proposals, the calibrated chance of an invitation against the observed invitation rate.</item>
/// </list>
/// For age bands, exposure and equal opportunity are also computed with the age-linked features (<see cref="AgeLinkedFeatures"/>) at each
/// pool's median, so what experience explains is told apart from treatment; and per age band, how much of the exposure difference
/// those features explain (age is not a feature).
/// Reuses the pools the run already retrieved and featurized: the audit only scores. Thread-safe.
/// </summary>
public sealed class RankerFairnessAudit(CandidatePool pool)
{
    /// <summary>Shortlist length whose exposure is audited.</summary>
    public const int Top = 10;

    /// <summary>Features that grow with age (experience, spell length, earlier exits), neutralized to explain the age bands' exposure differences.</summary>
    public static IReadOnlyList<string> AgeLinkedFeatures { get; } = ["years_same_isco", "years_same_major_group", "months_in_bijstand", "prior_outflows"];

    /// <summary>The audit of the model that <paramref name="score"/>s pairs, with its chance <paramref name="calibration"/>, on <paramref name="holdout"/>'s held-out vacancies.</summary>
    public FairnessAudit Audit(Func<IReadOnlyList<float[]>, double[]> score, PlattScaling calibration, RankerHoldout holdout, int seed)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(holdout);
        var candidates = pool.Snapshot();
        var wholePool = holdout.WholePool.Groups.ToDictionary(g => g.Logged.Vacancy.Id, StringComparer.Ordinal);
        var tally = new FairnessTally();
        var ageGaps = new AgeGapCounter();
        foreach (var logged in holdout.Test)
        {
            tally.NextUnit();
            var day = logged.Vacancy.PostedAt;
            var chances = score(logged.Features);
            for (var i = 0; i < logged.CandidateIds.Count; i++)
            {
                if (candidates.GetValueOrDefault(logged.CandidateIds[i]) is not { } c) continue;
                foreach (var group in ProtectedGroups.Of(c.Candidate, day))
                {
                    tally.Add(group, Tallied.Cases);
                    tally.Add(group, Tallied.Predicted, calibration.Chance(chances[i]));
                    tally.Add(group, Tallied.Observed, logged.Labels[i] >= 1 ? 1 : 0);
                }
            }
            if (!wholePool.TryGetValue(logged.Vacancy.Id, out var whole)) continue;
            var members = whole.CandidateIds.Select(id => candidates.GetValueOrDefault(id)?.Candidate).ToArray();
            var top = TopOf(score(whole.Features));
            var equalExperienceTop = TopOf(score(Neutralized(whole.Features)));
            ageGaps.Add(members, whole.Features, top, equalExperienceTop, day);
            var known = members.Count(m => m is not null);
            var qualifiedCount = Enumerable.Range(0, members.Length).Count(i => members[i] is not null && Qualification.Meets(whole.Features[i]));
            var places = Enumerable.Range(0, members.Length).Count(i => members[i] is not null && top.Contains(i));
            for (var i = 0; i < members.Length; i++)
            {
                if (members[i] is not { } member) continue;
                var qualified = Qualification.Meets(whole.Features[i]);
                foreach (var group in ProtectedGroups.Of(member, day))
                {
                    var age = group.Attribute == ProtectedGroups.AgeBand;
                    tally.Add(group, Tallied.Pool);
                    tally.Add(group, Tallied.PoolExpected, places / (double)known);
                    if (qualified) tally.Add(group, Tallied.Qualified);
                    if (qualified) tally.Add(group, Tallied.QualifiedExpected, places / (double)qualifiedCount);
                    if (top.Contains(i)) tally.Add(group, Tallied.Exposed);
                    if (qualifiedCount > 0 && top.Contains(i)) tally.Add(group, Tallied.ExposedWhereQualified);
                    if (qualifiedCount > 0 && age && equalExperienceTop.Contains(i)) tally.Add(group, Tallied.ExposedAtEqualExperience);
                    if (whole.Labels[i] <= 0) continue;
                    tally.Add(group, Tallied.Succeeded);
                    if (top.Contains(i)) tally.Add(group, Tallied.SucceededExposed);
                    if (age && equalExperienceTop.Contains(i)) tally.Add(group, Tallied.SucceededExposedAtEqualExperience);
                }
            }
        }
        return FairnessLenses.Audit(tally, "held-out vacancies", seed) with { AgeBands = ageGaps.Explanations() };
    }

    /// <summary><paramref name="audit"/> with what fair re-ranking by each attribute costs and does (<see cref="FairnessAudit.Reranking"/>); a run adds it for the version it selects.</summary>
    public FairnessAudit WithReranking(FairnessAudit audit, Func<IReadOnlyList<float[]>, double[]> score, RankerHoldout holdout)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(holdout);
        var candidates = pool.Snapshot();
        return audit with { Reranking = [.. ProtectedGroup.Attributes.Select(a => RerankingCost(audit, a, score, holdout.WholePool, candidates))] };
    }

    /// <summary>Fair re-ranking by <paramref name="attribute"/> at the default share: its whole-pool NDCG@10 cost and the lowest group's ratio before and after.</summary>
    private static FairRerankingCost RerankingCost(FairnessAudit audit, string attribute, Func<IReadOnlyList<float[]>, double[]> score, WholePool wholePool,
        IReadOnlyDictionary<string, PreparedCandidate> candidates)
    {
        var fair = new FairExposure(attribute);
        var groupOf = new Dictionary<object, WholePoolGroup>(ReferenceEqualityComparer.Instance);
        foreach (var g in wholePool.Groups) groupOf[g.Features] = g;
        double[] Reranked(IReadOnlyList<float[]> features) => FairRerankingEffect.Reranked(groupOf[features], score(features), candidates, fair);
        var after = FairRerankingEffect.QualifiedExposure(wholePool, g => Reranked(g.Features), candidates, attribute);
        var lowest = audit.Of(FairnessLens.QualifiedExposure).Where(f => f.Attribute == attribute && !f.TooSmall && !double.IsNaN(f.Value)).MinBy(f => f.Value);
        return new FairRerankingCost(attribute, fair.Share, wholePool.Evaluate(score).Ndcg10, wholePool.Evaluate(Reranked).Ndcg10,
            lowest?.Group ?? "", lowest?.Value ?? double.NaN, lowest is null ? double.NaN : after.GetValueOrDefault(lowest.Group, double.NaN));
    }

    /// <summary>The positions of the top <see cref="Top"/> by score (higher first; ties by retrieval order, as whole-pool evaluation ranks).</summary>
    public static HashSet<int> TopOf(double[] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(Top)];
    }

    /// <summary>The pool's features with every age-linked feature set to the pool's median, so only what does not grow with age differs.</summary>
    private static float[][] Neutralized(IReadOnlyList<float[]> features)
    {
        var copy = features.Select(f => (float[])f.Clone()).ToArray();
        foreach (var j in AgeLinkedFeatures.Select(PairFeatures.IndexOf))
        {
            var median = features.Select(f => f[j]).Order().ElementAtOrDefault(features.Count / 2);
            foreach (var f in copy) f[j] = median;
        }
        return copy;
    }

    /// <summary>Per age band, qualified-pool and exposure counts under the model as it is and with the age-linked features neutralized.</summary>
    private sealed class AgeGapCounter
    {
        private readonly Dictionary<string, double[]> _counts = new(StringComparer.Ordinal);

        public void Add(Candidate?[] members, IReadOnlyList<float[]> features, HashSet<int> top, HashSet<int> neutralTop, DateOnly day)
        {
            for (var i = 0; i < members.Length; i++)
            {
                if (members[i] is not { } member) continue;
                var band = ProtectedGroups.AgeBandOn(member, day);
                if (!_counts.TryGetValue(band, out var c)) _counts[band] = c = new double[3];
                if (Qualification.Meets(features[i])) c[0]++;
                if (top.Contains(i)) c[1]++;
                if (neutralTop.Contains(i)) c[2]++;
            }
        }

        public IReadOnlyList<AgeBandExplanation> Explanations()
        {
            var (qualified, exposed, neutral) = (_counts.Values.Sum(c => c[0]), _counts.Values.Sum(c => c[1]), _counts.Values.Sum(c => c[2]));
            if (qualified == 0 || exposed == 0) return [];
            return [.. _counts.OrderBy(c => ProtectedGroups.Order(c.Key)).Select(c =>
            {
                var gap = c.Value[0] / qualified - c.Value[1] / exposed;
                var without = c.Value[0] / qualified - c.Value[2] / neutral;
                return new AgeBandExplanation(c.Key, gap, without, Math.Abs(gap) < 1e-9 ? double.NaN : 1 - without / gap);
            })];
        }
    }
}
