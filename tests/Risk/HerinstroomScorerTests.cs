using MatchEngine.Engine;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Risk;

namespace MatchEngine.Tests.Risk;

[Collection(HerinstroomCollection.Name)]
public sealed class HerinstroomScorerTests(HerinstroomFixture fixture)
{
    private IReadOnlyDictionary<string, Candidate> Candidates => fixture.Store.Candidates().ToDictionary(c => c.Id, StringComparer.Ordinal);

    private static bool Active(Placement p, DateOnly asOf) =>
        p.Start <= asOf && (p.Ended is null || p.Ended > asOf) && (p.HerinstroomAt is null || p.HerinstroomAt > asOf);

    [Fact]
    public void NazorgWorklist_Region_IsOrderedByConditionalRiskAndRespectsCapacity()
    {
        var list = fixture.Scorer.NazorgWorklist("GV", fixture.AsOf, 25);
        Assert.Equal(25, list.Count);
        Assert.Equal(list.Select(e => e.Risk6mConditional).OrderDescending(), list.Select(e => e.Risk6mConditional));
        var candidates = Candidates;
        Assert.All(list, e => Assert.Equal("GV", candidates[e.CandidateId].Region));
        Assert.All(list, e => Assert.InRange(e.Factors.Count, 0, 3));
        Assert.All(list, e => Assert.Equal((fixture.Store.GetPlacement(e.PlacementId)!.EmployerId, fixture.Store.GetEmployer(e.EmployerId)!.Name),
            (e.EmployerId, e.EmployerName)));
        Assert.Equal(fixture.Scorer.NazorgWorklist("GV", fixture.AsOf, 1000000).Take(25).Select(e => e.PlacementId), list.Select(e => e.PlacementId));
    }

    [Fact]
    public void NazorgWorklist_LargeCapacity_HoldsExactlyTheActiveConsentingPlacementsOfTheRegion()
    {
        var candidates = Candidates;
        var inRegion = fixture.Store.Placements().Where(p => candidates[p.CandidateId].Region == "AM").ToArray();
        Assert.Contains(inRegion, p => p.Ended <= fixture.AsOf && p.HerinstroomAt is null);
        Assert.Contains(inRegion, p => p.HerinstroomAt <= fixture.AsOf);
        Assert.Contains(inRegion, p => !candidates[p.CandidateId].ConsentMatching && Active(p, fixture.AsOf));
        var expected = inRegion.Where(p => candidates[p.CandidateId].ConsentMatching && Active(p, fixture.AsOf)).Select(p => p.Id).Order(StringComparer.Ordinal);

        var list = fixture.Scorer.NazorgWorklist("AM", fixture.AsOf, 1000000);

        Assert.Equal(expected, list.Select(e => e.PlacementId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NazorgWorklist_Entry_CarriesConditionalRiskFlagsAndMonthsSinceStart()
    {
        var entry = fixture.Scorer.NazorgWorklist("GV", fixture.AsOf, 5)[2];
        var placement = fixture.Store.GetPlacement(entry.PlacementId)!;
        var candidate = fixture.Store.GetCandidate(placement.CandidateId)!;
        var curve = fixture.Promoted.Current!.Value.Model.Risk.Predict([HerinstroomFeatures.Of(placement, candidate)])[0];
        var t = (fixture.AsOf.DayNumber - placement.Start.DayNumber) / SurvivalObservation.DaysPerMonth;
        Assert.Equal(t, entry.MonthsSinceStart, 9);
        Assert.Equal((curve.At(t + 6) - curve.At(t)) / (1 - curve.At(t)), entry.Risk6mConditional, 9);
        Assert.Equal(placement.Instruments.Contains(Instrument.Jobcoach), entry.HasJobcoach);
        Assert.Equal(placement.RouteId is not null && placement.RouteCompleted is null, entry.RouteRunning);
    }

    [Fact]
    public void NazorgWorklist_ZeroCapacityOrNoRegion_IsInvalidRequest()
    {
        Assert.Equal("capacity", Assert.Throws<InvalidRequestException>(() => fixture.Scorer.NazorgWorklist("GV", fixture.AsOf, 0)).Field);
        Assert.Equal("region", Assert.Throws<InvalidRequestException>(() => fixture.Scorer.NazorgWorklist(" ", fixture.AsOf, 5)).Field);
    }

    [Fact]
    public void ScoreHerinstroom_Placement_GivesMonotoneRisksDutchFactorsAndMissingProtectiveInstruments()
    {
        var candidates = Candidates;
        var placement = fixture.Store.Placements().First(p => candidates[p.CandidateId].ConsentMatching && !p.Instruments.Contains(Instrument.Jobcoach) && candidates[p.CandidateId].DebtSupport);

        var score = fixture.Scorer.ScoreHerinstroom(placement.Id);

        Assert.InRange(score.Risk6, 0, score.Risk12);
        Assert.InRange(score.Risk12, score.Risk6, score.Risk24);
        Assert.InRange(score.Risk24, score.Risk12, 1);
        Assert.InRange(score.Factors.Count, 1, 3);
        Assert.Equal(score.Factors.Select(f => f.Contribution).OrderDescending(), score.Factors.Select(f => f.Contribution));
        Assert.All(score.Factors, f => Assert.True(f.Contribution > 0));
        Assert.All(score.Instruments, i => Assert.InRange(i.HazardRatio, 0, 1));
        Assert.Contains(score.Instruments, i => i.Feature == "jobcoach" && i.Text == "jobcoach inzetten");
        Assert.Equal(fixture.Registry.Promoted(HerinstroomModels.Name), score.ModelVersion);
    }

    [Fact]
    public void ScoreHerinstroom_UnknownOrNonConsentingPlacement_IsNotFound()
    {
        var candidates = Candidates;
        var hidden = fixture.Store.Placements().First(p => !candidates[p.CandidateId].ConsentMatching);
        Assert.Throws<RecordNotFoundException>(() => fixture.Scorer.ScoreHerinstroom("p-unknown"));
        Assert.Throws<RecordNotFoundException>(() => fixture.Scorer.ScoreHerinstroom(hidden.Id));
    }

    [Fact]
    public void Describe_Features_AreDutchWordsWithTheValue()
    {
        Assert.Equal("lange bijstandsduur (84 maanden)", HerinstroomWords.Describe("months_in_bijstand", 84, 40));
        Assert.Equal("schuldhulp", HerinstroomWords.Describe("debt_support", 1, 0.3));
        Assert.Equal("uitzendcontract", HerinstroomWords.Describe("contract_agency", 1, 0.2));
    }
}
