using MatchEngine.Engine.Domain;
using MatchEngine.Models.Ranking;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Tests.Ranking;

public sealed class InversePropensityTests
{
    [Fact]
    public void InversePropensity_AllWeightsOne_EqualsPlainNdcg10()
    {
        var random = new Random(3);
        var groups = Enumerable.Range(0, 50).Select(_ => (IReadOnlyList<(int Label, double Score)>)[.. Enumerable.Range(0, 20).Select(_ => (random.Next(3) == 0 ? random.Next(1, 3) : 0,
            random.NextDouble()))]).ToArray();
        var plain = RankingMetrics.Compute(groups);
        var ips = RankingMetrics.InversePropensity(groups.Select(g => (IReadOnlyList<(int, double, double)>)[.. g.Select(x => (x.Label, x.Score, 1.0))]));
        Assert.Equal(plain.Ndcg10, ips.Ndcg, 12);
        Assert.Equal(plain.Groups, ips.Groups);
    }

    [Fact]
    public void InversePropensity_DeepSuccessWeighsMore_RankingItFirstScoresHigher()
    {
        // Two relevant items: one logged at the top (weight 1), one deep (weight 5). Plain NDCG cannot tell the orders apart; IPS prefers the deep one first.
        IReadOnlyList<(int, double, double)> topFirst = [(1, 2.0, 1.0), (1, 1.0, 5.0), (0, 0.5, 1.0)];
        IReadOnlyList<(int, double, double)> deepFirst = [(1, 1.0, 1.0), (1, 2.0, 5.0), (0, 0.5, 1.0)];
        Assert.True(RankingMetrics.InversePropensity([deepFirst]).Ndcg > RankingMetrics.InversePropensity([topFirst]).Ndcg);
        Assert.Equal(1.0, RankingMetrics.InversePropensity([deepFirst]).Ndcg, 12);
    }

    [Fact]
    public void Weight_DeepPosition_IsClipped()
    {
        var p = new PositionPropensity(1, 10, false);
        Assert.Equal(1, p.Weight(1));
        Assert.Equal(4, p.Weight(4), 12);
        Assert.Equal(10, p.Weight(50));
        Assert.Equal(1, p.Weight(null));
    }

    [Fact]
    public void Estimate_InvitationsThatFallAsOneOverPosition_RecoversEtaNearOne()
    {
        var random = new Random(5);
        var groups = new List<RankingGroup>();
        var events = new List<MatchEvent>();
        var at = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
        for (var v = 0; v < 400; v++)
        {
            var ids = Enumerable.Range(1, 15).Select(p => $"c{v}-{p}").ToArray();
            var labels = ids.Select((_, i) => random.NextDouble() < 0.6 / (i + 1) ? 1 : 0).ToArray();
            groups.Add(new RankingGroup(Records.Vacancy($"v{v}"), new DateOnly(2025, 1, 1), ids, labels, [.. ids.Select(_ => new float[1])]));
            events.AddRange(ids.Select((c, i) => new MatchEvent { VacancyId = $"v{v}", CandidateId = c, At = at, Stage = MatchStage.Proposed, Position = i + 1 }));
        }
        var estimate = PositionPropensity.Estimate(groups, LoggedPositions.Of(events, null));
        Assert.True(estimate.Estimated);
        Assert.InRange(estimate.Eta, 0.8, 1.2);
    }
}
