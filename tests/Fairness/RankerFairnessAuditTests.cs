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
        Assert.Equal(reference.Findings.Count, audit.Findings.Count);
        foreach (var (expected, actual) in reference.Findings.Zip(audit.Findings))
        {
            // The two-way intervals are summed in another order (per cell here, per pool and group there): equal to rounding.
            Assert.Equal(expected with { Low = 0, High = 0 }, actual with { Low = 0, High = 0 });
            Assert.Equal(expected.Low, actual.Low, 9);
            Assert.Equal(expected.High, actual.High, 9);
        }
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
            var person = candidates.Keys.Order(StringComparer.Ordinal).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
            var cells = new List<(int Unit, int Person, (string Attribute, string Group) Group, Tallied Measure, double Value)>();
            void Add((string Attribute, string Group) group, Tallied what, string id, double value = 1)
            {
                tally.Add(group, what, value);
                cells.Add((tally.Units - 1, person[id], group, what, value));
            }
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
                        Add(group, Tallied.Cases, c.Candidate.Id);
                        Person(group, Tallied.Cases, c.Candidate.Id);
                        Add(group, Tallied.Predicted, c.Candidate.Id, calibration.Chance(chances[i]));
                        Add(group, Tallied.Observed, c.Candidate.Id, logged.Labels[i] >= 1 ? 1 : 0);
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
                        var id = member.Id;
                        Add(group, Tallied.Pool, id);
                        Person(group, Tallied.Pool, id);
                        if (qualified) Person(group, Tallied.Qualified, id);
                        Add(group, Tallied.PoolExpected, id, places / (double)known);
                        if (qualified) Add(group, Tallied.Qualified, id);
                        if (qualified) Add(group, Tallied.QualifiedExpected, id, places / (double)qualifiedCount);
                        if (top.Contains(i)) Add(group, Tallied.Exposed, id);
                        if (qualifiedCount > 0 && top.Contains(i)) Add(group, Tallied.ExposedWhereQualified, id);
                        if (qualifiedCount > 0 && age && equal.Contains(i)) Add(group, Tallied.ExposedAtEqualExperience, id);
                        if (whole.Labels[i] <= 0) continue;
                        Add(group, Tallied.Succeeded, id);
                        if (top.Contains(i)) Add(group, Tallied.SucceededExposed, id);
                        if (age && equal.Contains(i)) Add(group, Tallied.SucceededExposedAtEqualExperience, id);
                    }
                }
            }
            foreach (var ((group, what), ids) in people) tally.SetPeople(group, what, ids.Count);
            // Two-way bootstrap, the plain way: every pair's count weighed by its vacancy's and its candidate's weight in the draw.
            var groups = tally.Groups().Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
            double[][] Sums(BootstrapDraw draw)
            {
                var people = draw.People!.Weights();
                var sums = groups.Keys.Select(_ => new double[Enum.GetValues<Tallied>().Length]).ToArray();
                foreach (var c in cells) sums[groups[c.Group]][(int)c.Measure] += draw.Units[c.Unit] * people[c.Person] * c.Value;
                return sums;
            }
            var audit = FairnessLenses.Audit(tally, RankerFairnessAudit.Units, UnitBootstrap.Draws(tally.Units, person.Count, seed), Sums)
                with { AgeBands = Explanations(bands) };
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
