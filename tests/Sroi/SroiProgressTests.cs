using MatchEngine.Engine.Matching;
using MatchEngine.Engine;
using MatchEngine.Engine.Sroi;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Sroi;

public sealed class SroiProgressTests
{
    private static readonly DateOnly AsOf = new(2025, 4, 10);
    private static readonly DateOnly Jan1 = new(2025, 1, 1);
    private static readonly DateOnly Dec31 = new(2025, 12, 31);

    private static SroiStore HandBuilt() => new(
        Records.Employer("emp-1"), Records.Employer("emp-2"),
        Records.Candidate("c1") with { MonthsInBijstand = 12 },
        Records.Candidate("c2") with { MonthsInBijstand = 6, Doelgroepregister = true },
        Records.Candidate("c3") with { MonthsInBijstand = 30 },
        SroiStore.Contract("g", "emp-1", Jan1, Dec31),
        SroiStore.Placement("p1", "c1", "emp-1", Jan1, 18),
        SroiStore.Placement("p2", "c2", "emp-1", new DateOnly(2024, 12, 1), 36, ended: new DateOnly(2025, 2, 1)),
        SroiStore.Placement("p3", "c3", "emp-1", new DateOnly(2025, 2, 1), 40, herinstroom: new DateOnly(2025, 3, 1)),
        SroiStore.Placement("p4", "c1", "emp-2", Jan1, 36),
        SroiStore.Placement("p5", "c1", "emp-1", new DateOnly(2025, 5, 1), 20));

    [Fact]
    public void Progress_HandBuiltPlacements_EveryEuroAddsUpByHand()
    {
        using var store = HandBuilt();

        var p = store.Service.Progress("g", AsOf);

        Assert.Equal(50_000m, p.ObligationEur);
        Assert.Equal((365, 100, 265), (p.ContractDays, p.ElapsedDays, p.RemainingDays));
        Assert.Equal(["p1", "p3", "p5"], p.Placements.Select(x => x.PlacementId));
        var p1 = p.Placements[0];
        Assert.Equal((SroiBlock.Bijstand, 0.5m, 100), (p1.Realised.Block, p1.Realised.Fte, p1.Realised.Days));
        Assert.True(p1.Running);
        Assert.Equal(265, p1.Committed.Days);
        var p3 = p.Placements[1];
        Assert.Equal((SroiBlock.BijstandLongTerm, 1m, 28, 0), (p3.Realised.Block, p3.Realised.Fte, p3.Realised.Days, p3.Committed.Days));
        Assert.Equal(new DateOnly(2025, 2, 28), p3.LastDayWorked);
        Assert.Equal(0, p.Placements[2].Realised.Days);

        // Each line in cents first (35000 × 18/36 × 100/365 = 4794.520…, 40000 × 28/365 = 3068.493…), then the totals.
        var v1 = 4794.52m;
        var v3 = 3068.49m;
        var committed = 12705.48m; // 35000 × 18/36 × 265/365 = 12705.479…
        var realised = v1 + v3;
        var pace = 78.6301m; // 7863.01 / 100 days
        var projected = realised + Math.Max(Math.Round(pace * 265m, 2), committed);
        Assert.Equal(realised, p.RealisedEur);
        Assert.Equal(50_000m - realised, p.OpenEur);
        Assert.Equal(committed, p.CommittedEur);
        Assert.Equal(pace, p.PacePerDayEur);
        Assert.Equal(20836.98m, p.ProjectedAtPaceEur);
        Assert.Equal(projected, p.ProjectedEur);
        Assert.Equal(p.Placements.Sum(x => x.Realised.ValueEur), p.RealisedEur);
    }

    [Fact]
    public void Progress_PaceTooSlowForTheEndDate_IsAtRiskByObligationMinusProjected()
    {
        using var store = HandBuilt();

        var p = store.Service.Progress("g", AsOf);

        Assert.True(p.AtRisk);
        Assert.Equal(p.ObligationEur - p.ProjectedEur, p.AtRiskEur);
        Assert.Equal(Math.Round(p.RealisedEur / p.ElapsedDays, 4, MidpointRounding.AwayFromZero), p.PacePerDayEur);
    }

    [Fact]
    public void Progress_ObligationAlreadyMet_IsNotAtRisk()
    {
        using var store = new SroiStore(Records.Employer("emp-1"), Records.Candidate("c1") with { MonthsInBijstand = 1 },
            SroiStore.Contract("small", "emp-1", Jan1, Dec31, value: 10_000m), SroiStore.Placement("p1", "c1", "emp-1", Jan1, 36));

        var p = store.Service.Progress("small", AsOf);

        Assert.Equal(500m, p.ObligationEur);
        Assert.False(p.AtRisk);
        Assert.Equal(0m, p.AtRiskEur);
        Assert.Equal(0m, p.OpenEur);
    }

    [Fact]
    public void ClaimPlacement_StartedBeforeTheContract_CountsOnlyTheDaysInsideThePeriod()
    {
        using var store = HandBuilt();

        var claim = store.Service.ClaimPlacement("g", "p2");
        var p2 = store.Service.Progress("g", AsOf).Placements.Single(x => x.PlacementId == "p2");

        Assert.Equal(AttributionRule.Claim, claim.Rule);
        Assert.Equal((Jan1, new DateOnly(2025, 1, 31)), (p2.CountedFrom!.Value, p2.CountedTo!.Value));
        Assert.Equal(SroiBlock.Doelgroepregister, p2.Realised.Block);
        Assert.Equal(3397.26m, p2.Realised.ValueEur); // 40000 × 31/365 = 3397.260…
    }

    [Fact]
    public void Progress_UnknownContract_IsNotFound()
    {
        using var store = HandBuilt();

        var e = Assert.Throws<RecordNotFoundException>(() => store.Service.Progress("nope", AsOf));
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
        Assert.Throws<RecordNotFoundException>(() => store.Service.FindPlacements("nope", AsOf, 5, new ShortlistFilters()));
        Assert.Throws<RecordNotFoundException>(() => store.Service.ClaimPlacement("nope", "p1"));
    }

    [Fact]
    public void Worklist_ThreeRunningOneEnded_OrderedByEurosAtRiskWithoutTheEnded()
    {
        using var store = new SroiStore(
            Records.Employer("emp-1"), Records.Employer("emp-2"), Records.Employer("emp-3"), Records.Employer("emp-4"),
            Records.Candidate("c1") with { MonthsInBijstand = 12 },
            SroiStore.Contract("big", "emp-1", Jan1, Dec31),
            SroiStore.Contract("small", "emp-2", Jan1, Dec31, value: 10_000m),
            SroiStore.Contract("mid", "emp-3", Jan1, Dec31, value: 200_000m),
            SroiStore.Contract("old", "emp-4", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            SroiStore.Placement("p1", "c1", "emp-1", Jan1, 18),
            SroiStore.Placement("p2", "c1", "emp-2", Jan1, 36));

        var list = store.Service.Worklist(AsOf);

        Assert.Equal(["big", "mid", "small"], list.Select(e => e.Progress.Contract.Id));
        Assert.Equal([1, 2, 3], list.Select(e => e.Position));
        Assert.Equal(10_000m, list[1].Progress.AtRiskEur);
        Assert.Equal(0m, list[2].Progress.AtRiskEur);
        Assert.True(list[0].Progress.AtRiskEur > list[1].Progress.AtRiskEur);
    }

    [Fact]
    public void FindPlacements_ContractorWithoutOpenVacancies_AnswersTheGapAndJobsThatWouldFit()
    {
        var past = Records.Vacancy("v-old") with { PostedAt = new DateOnly(2024, 1, 1), ClosesAt = new DateOnly(2024, 2, 1) };
        using var store = new SroiStore(Records.Employer("emp-1"), past, SroiStore.Contract("g", "emp-1", Jan1, Dec31));

        var found = store.Service.FindPlacements("g", AsOf, 5, new ShortlistFilters());

        Assert.Empty(found.Opportunities);
        Assert.Equal(50_000m, found.Progress.OpenEur);
        Assert.Contains(found.FittingOccupations, o => o.Contains("(4321)", StringComparison.Ordinal));
        Assert.Contains(found.FittingOccupations, o => o.StartsWith("magazijnassistent", StringComparison.Ordinal));
        Assert.Contains("heeft op 10 april 2025 geen openstaande vacatures", found.Note, StringComparison.Ordinal);
        Assert.Contains("nog € 50.000,00 open", found.Note, StringComparison.Ordinal);
    }
}
