using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Fairness;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Tests.Fairness;

public sealed class RankerFairnessAuditTests(TrainedRegion region) : IClassFixture<TrainedRegion>
{
    [Fact]
    public void Audit_PoolsSideBySide_GivesTheFiguresOfAuditingOneVacancyAtATime()
    {
        using var catalog = CatalogService.Open(region.Layout, TimeProvider.System);
        var pool = new CandidatePool(catalog.Store);
        var holdout = RankerHoldout.Build(catalog, pool, null, TextWriter.Null);
        var registry = new ModelRegistry(region.Layout.ModelsPath, TimeProvider.System);
        var model = RankerModels.Load(registry.Require(region.Run.Best), registry.DirectoryOf(region.Run.Best));
        Func<IReadOnlyList<float[]>, double[]> score = f => [.. model.Score(f).Select(x => (double)x)];
        var calibration = RankerTrainingRun.Calibrate(model, holdout.Test);
        var auditor = new RankerFairnessAudit(pool, holdout);

        var audit = auditor.WithReranking(auditor.Audit(score, calibration, 7), score);
        var again = auditor.Audit(score, calibration, 7);
        var reference = OneVacancyAtATime.Audit(score, calibration, holdout, pool.Snapshot(), 7);

        Assert.NotEmpty(holdout.WholePool.Groups);
        Assert.Equal(reference.Findings, audit.Findings);
        Assert.Equal(reference.AgeBands, audit.AgeBands);
        Assert.Equal(reference.Reranking, audit.Reranking);
        Assert.Equal(reference.Units, audit.Units);
        Assert.Equal(audit.Findings, again.Findings);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(5, 40)]
    [InlineData(9, 1500)]
    public void TopOfAndRanked_ScoresWithTiesAndNaN_ThePositionsOfSortingThePool(int seed, int count)
    {
        var random = new Random(seed);
        // Few distinct values, so most of the top is decided by ties; now and then NaN, which ranks below every number.
        var scores = Enumerable.Range(0, count).Select(_ => random.Next(20) == 0 ? double.NaN : random.Next(8) / 4.0).ToArray();

        Assert.Equal(SortedTop(scores).Order(), RankerFairnessAudit.TopOf(scores).Order());
        Assert.Equal(Enumerable.Range(0, count).OrderByDescending(i => scores[i]).ThenBy(i => i), FairRerankingEffect.Ranked(scores));
    }

    /// <summary>The top by sorting the whole pool (higher score first, then position).</summary>
    private static HashSet<int> SortedTop(double[] scores) =>
        [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(RankerFairnessAudit.Top)];

    /// <summary>The audit as a plain loop over the held-out vacancies, every candidate's groups read on the spot: the reference for <see cref="RankerFairnessAudit"/>.</summary>
    private static class OneVacancyAtATime
    {
        public static FairnessAudit Audit(Func<IReadOnlyList<float[]>, double[]> score, PlattScaling calibration, RankerHoldout holdout,
            IReadOnlyDictionary<string, PreparedCandidate> candidates, int seed)
        {
            var wholePool = holdout.WholePool.Groups.ToDictionary(g => g.Logged.Vacancy.Id, StringComparer.Ordinal);
            var tally = new FairnessTally();
            var bands = new Dictionary<string, double[]>(StringComparer.Ordinal);
            var people = new Dictionary<((string Attribute, string Group), Tallied), HashSet<string>>();
            void Person((string Attribute, string Group) group, Tallied what, string id)
            {
                if (!people.TryGetValue((group, what), out var ids)) people[(group, what)] = ids = [];
                ids.Add(id);
            }
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
                        Person(group, Tallied.Cases, c.Candidate.Id);
                        tally.Add(group, Tallied.Predicted, calibration.Chance(chances[i]));
                        tally.Add(group, Tallied.Observed, logged.Labels[i] >= 1 ? 1 : 0);
                    }
                }
                if (!wholePool.TryGetValue(logged.Vacancy.Id, out var whole)) continue;
                var members = whole.CandidateIds.Select(id => candidates.GetValueOrDefault(id)?.Candidate).ToArray();
                var top = SortedTop(score(whole.Features));
                var equal = SortedTop(score(AuditedPool.Neutralize(whole.Features)));
                var known = members.Count(m => m is not null);
                var qualifiedCount = Enumerable.Range(0, members.Length).Count(i => members[i] is not null && Qualification.Meets(whole.Features[i]));
                var places = Enumerable.Range(0, members.Length).Count(i => members[i] is not null && top.Contains(i));
                for (var i = 0; i < members.Length; i++)
                {
                    if (members[i] is not { } member) continue;
                    var qualified = Qualification.Meets(whole.Features[i]);
                    var band = ProtectedGroups.AgeBandOn(member, day);
                    if (!bands.TryGetValue(band, out var b)) bands[band] = b = new double[3];
                    (b[0], b[1], b[2]) = (b[0] + (qualified ? 1 : 0), b[1] + (top.Contains(i) ? 1 : 0), b[2] + (equal.Contains(i) ? 1 : 0));
                    foreach (var group in ProtectedGroups.Of(member, day))
                    {
                        var age = group.Attribute == ProtectedGroups.AgeBand;
                        tally.Add(group, Tallied.Pool);
                        Person(group, Tallied.Pool, member.Id);
                        if (qualified) Person(group, Tallied.Qualified, member.Id);
                        tally.Add(group, Tallied.PoolExpected, places / (double)known);
                        if (qualified) tally.Add(group, Tallied.Qualified);
                        if (qualified) tally.Add(group, Tallied.QualifiedExpected, places / (double)qualifiedCount);
                        if (top.Contains(i)) tally.Add(group, Tallied.Exposed);
                        if (qualifiedCount > 0 && top.Contains(i)) tally.Add(group, Tallied.ExposedWhereQualified);
                        if (qualifiedCount > 0 && age && equal.Contains(i)) tally.Add(group, Tallied.ExposedAtEqualExperience);
                        if (whole.Labels[i] <= 0) continue;
                        tally.Add(group, Tallied.Succeeded);
                        if (top.Contains(i)) tally.Add(group, Tallied.SucceededExposed);
                        if (age && equal.Contains(i)) tally.Add(group, Tallied.SucceededExposedAtEqualExperience);
                    }
                }
            }
            foreach (var ((group, what), ids) in people) tally.SetPeople(group, what, ids.Count);
            var audit = FairnessLenses.Audit(tally, "achtergehouden vacatures", seed) with { AgeBands = Explanations(bands) };
            return audit with { Reranking = [.. ProtectedGroup.Attributes.Select(a => RerankingCost(audit, a, score, holdout.WholePool, candidates))] };
        }

        private static List<AgeBandExplanation> Explanations(Dictionary<string, double[]> bands)
        {
            var (qualified, exposed, neutral) = (bands.Values.Sum(c => c[0]), bands.Values.Sum(c => c[1]), bands.Values.Sum(c => c[2]));
            if (qualified == 0 || exposed == 0) return [];
            return [.. bands.OrderBy(c => ProtectedGroups.Order(c.Key)).Select(c =>
            {
                var gap = c.Value[0] / qualified - c.Value[1] / exposed;
                var without = c.Value[0] / qualified - c.Value[2] / neutral;
                return new AgeBandExplanation(c.Key, gap, without, Math.Abs(gap) < 1e-9 ? double.NaN : 1 - without / gap);
            })];
        }

        private static FairRerankingCost RerankingCost(FairnessAudit audit, string attribute, Func<IReadOnlyList<float[]>, double[]> score, WholePool wholePool,
            IReadOnlyDictionary<string, PreparedCandidate> candidates)
        {
            var fair = new FairExposure(attribute);
            var groupOf = wholePool.Groups.ToDictionary(g => (object)g.Features, ReferenceEqualityComparer.Instance);
            double[] Reranked(IReadOnlyList<float[]> features) => FairRerankingEffect.Reranked(groupOf[features], score(features), candidates, fair);
            var after = FairRerankingEffect.QualifiedExposure(wholePool, g => Reranked(g.Features), candidates, attribute);
            return FairRerankingCost.Of(audit, attribute, fair.Share, wholePool.Evaluate(score).Ndcg10, wholePool.Evaluate(Reranked).Ndcg10, after);
        }
    }
}
