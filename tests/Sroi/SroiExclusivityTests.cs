using MatchEngine.Engine;
using MatchEngine.Engine.Sroi;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Sroi;

public sealed class SroiExclusivityTests
{
    private static readonly DateOnly AsOf = new(2025, 4, 10);

    // Two overlapping contracts of one contractor: A runs all of 2025, B ends mid-2025 (earlier end).
    // x comes through a vacancy that names A; y has no vacancy, so the period rule gives it to B.
    private static SroiStore Overlapping() => new(
        Records.Employer("emp-1"),
        Records.Candidate("c1") with { MonthsInBijstand = 12 },
        SroiStore.Contract("A", "emp-1", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
        SroiStore.Contract("B", "emp-1", new DateOnly(2024, 7, 1), new DateOnly(2025, 6, 30)),
        Records.Vacancy("v-a") with { SroiContractId = "A" },
        SroiStore.Placement("x", "c1", "emp-1", new DateOnly(2025, 3, 1), 24, vacancyId: "v-a"),
        SroiStore.Placement("y", "c1", "emp-1", new DateOnly(2025, 3, 1), 24));

    // Two contracts of one contractor, and a placement there that started before either: no rule gives it to one.
    private static SroiStore StartedBeforeBothContracts() => new(
        Records.Employer("emp-1"), Records.Candidate("c1") with { MonthsInBijstand = 12 },
        SroiStore.Contract("A", "emp-1", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
        SroiStore.Contract("B", "emp-1", new DateOnly(2025, 2, 1), new DateOnly(2025, 11, 30)),
        SroiStore.Placement("early", "c1", "emp-1", new DateOnly(2024, 11, 1), 24));

    [Fact]
    public void Progress_OverlappingContracts_EachPlacementCountsTowardExactlyOne()
    {
        using var store = Overlapping();

        var a = store.Service.Progress("A", AsOf);
        var b = store.Service.Progress("B", AsOf);

        var x = Assert.Single(a.Placements);
        Assert.Equal(("x", AttributionRule.Vacancy), (x.PlacementId, x.Rule));
        Assert.Equal(["B"], x.AlsoEligible);
        var y = Assert.Single(b.Placements);
        Assert.Equal(("y", AttributionRule.Period), (y.PlacementId, y.Rule));
        Assert.Equal(["A"], y.AlsoEligible);
    }

    [Fact]
    public void Progress_APlacementEndedOnTheDayItStarted_CountsTowardNoContract()
    {
        using var store = new SroiStore(Records.Employer("emp-1"), Records.Candidate("c1") with { MonthsInBijstand = 12 },
            SroiStore.Contract("A", "emp-1", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            SroiStore.Placement("none", "c1", "emp-1", new DateOnly(2025, 3, 1), 24, ended: new DateOnly(2025, 3, 1)),
            SroiStore.Placement("one", "c1", "emp-1", new DateOnly(2025, 3, 1), 24, ended: new DateOnly(2025, 3, 2)));
        Assert.Equal(["one"], store.Service.Progress("A", AsOf).Placements.Select(p => p.PlacementId));
    }

    [Fact]
    public void ClaimPlacement_AlreadyCountingTowardAnother_IsRefusedNamingBothContracts()
    {
        using var store = Overlapping();

        var e1 = Assert.Throws<PreconditionFailedException>(() => store.Service.ClaimPlacement("B", "x"));
        var e2 = Assert.Throws<PreconditionFailedException>(() => store.Service.ClaimPlacement("A", "y"));

        Assert.Contains("telt al mee voor SROI-contract A (via vacancy)", e1.Message, StringComparison.Ordinal);
        Assert.Contains("geweigerd voor SROI-contract B", e1.Message, StringComparison.Ordinal);
        Assert.Contains("telt al mee voor SROI-contract B (via period)", e2.Message, StringComparison.Ordinal);
        Assert.Contains("geweigerd voor SROI-contract A", e2.Message, StringComparison.Ordinal);
        Assert.Single(store.Service.Progress("A", AsOf).Placements);
    }

    [Fact]
    public void ClaimPlacement_TwoClaimsForAnUnattributedPlacement_SecondIsRefused()
    {
        using var store = StartedBeforeBothContracts();

        Assert.Equal(AttributionRule.Claim, store.Service.ClaimPlacement("A", "early").Rule);
        Assert.Equal(AttributionRule.Claim, store.Service.ClaimPlacement("A", "early").Rule);
        var e = Assert.Throws<PreconditionFailedException>(() => store.Service.ClaimPlacement("B", "early"));

        Assert.Contains("telt al mee voor SROI-contract A (via claim)", e.Message, StringComparison.Ordinal);
        Assert.Contains("geweigerd voor SROI-contract B", e.Message, StringComparison.Ordinal);
        Assert.Empty(store.Service.Progress("B", AsOf).Placements);
    }

    [Theory]
    [InlineData("ended-before", "gewerkt van 1 maart 2023 tot en met 31 mei 2024")]
    [InlineData("starts-after", "gestart op 1 januari 2026")]
    public void ClaimPlacement_NoDayWorkedWithinTheContractsPeriod_IsRefusedAsOutsideIt(string placement, string worked)
    {
        using var store = new SroiStore(
            Records.Employer("emp-1"), Records.Candidate("c1") with { MonthsInBijstand = 12 },
            SroiStore.Contract("A", "emp-1", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            SroiStore.Placement("ended-before", "c1", "emp-1", new DateOnly(2023, 3, 1), 32, ended: new DateOnly(2024, 6, 1)),
            SroiStore.Placement("starts-after", "c1", "emp-1", new DateOnly(2026, 1, 1), 32),
            SroiStore.Placement("running", "c1", "emp-1", new DateOnly(2022, 5, 1), 32));

        var e = Assert.Throws<PreconditionFailedException>(() => store.Service.ClaimPlacement("A", placement));

        Assert.Contains("valt buiten de looptijd van SROI-contract A (1 januari 2025 tot en met 31 december 2025)", e.Message, StringComparison.Ordinal);
        Assert.Contains($"plaatsing {placement} ({worked})", e.Message, StringComparison.Ordinal);
        Assert.Equal(AttributionRule.Claim, store.Service.ClaimPlacement("A", "running").Rule);
        Assert.Equal(["running"], store.Service.Progress("A", AsOf).Placements.Select(p => p.PlacementId));
    }

    [Fact]
    public void ClaimPlacement_KeptInTheStore_AnotherProcessOpeningItSeesTheClaim()
    {
        using var store = StartedBeforeBothContracts();

        store.Service.ClaimPlacement("A", "early");

        using var elsewhere = store.Layout.Store.OpenSroiClaims(); // as a restarted api, another replica or a CLI run opens it
        Assert.Equal(new Dictionary<string, string> { ["early"] = "A" }, elsewhere.All());
        Assert.Equal("A", elsewhere.TryAdd("early", "B"));
    }

    [Fact]
    public void ClaimPlacement_AtAnotherEmployer_IsRefused()
    {
        using var store = new SroiStore(
            Records.Employer("emp-1"), Records.Employer("emp-2"), Records.Candidate("c1"),
            SroiStore.Contract("A", "emp-1", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            SroiStore.Placement("elsewhere", "c1", "emp-2", new DateOnly(2025, 2, 1), 24));

        var e = Assert.Throws<PreconditionFailedException>(() => store.Service.ClaimPlacement("A", "elsewhere"));
        Assert.Contains("niet bij opdrachtnemer emp-1", e.Message, StringComparison.Ordinal);
    }
}
