using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Risk;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Matching;

/// <summary>What a user of the region reads is Dutch: no contract codes, no English, the right singular or plural.</summary>
public sealed class DutchWordingTests
{
    private static readonly string[] NotDutch = ["none", "weeks", "months", "euros", "opportunities", "contractor", "mbo1", "mbo2"];

    private static (Explanation Explanation, IReadOnlyList<string> Gaps) Explain(Vacancy vacancy, Candidate candidate, string feature)
    {
        var prepared = new PreparedVacancy(vacancy, Records.Employer());
        var person = new PreparedCandidate(candidate);
        var features = PairFeatures.Featurize(prepared, person, 1f);
        var contributions = new float[PairFeatures.Names.Count];
        contributions[PairFeatures.IndexOf(feature)] = 1f;
        return (Explainer.Explain(prepared, person, features, contributions), Explainer.Gaps(prepared, person, features));
    }

    private static void AssertDutch(IEnumerable<string> texts)
    {
        foreach (var text in texts)
            Assert.DoesNotContain(text.Split([' ', ',', ';', ':'], StringSplitOptions.RemoveEmptyEntries), w => NotDutch.Contains(w, StringComparer.Ordinal));
    }

    [Fact]
    public void Gaps_CandidateWithoutDiploma_SaysGeenDiplomaNotNone()
    {
        var (_, gaps) = Explain(Records.Vacancy("v1") with { EducationMin = EducationLevel.Mbo1 }, Records.Candidate("c1") with { Education = EducationLevel.None }, "bm25");
        Assert.Contains("geen diploma, vraagt mbo 1", gaps);
        AssertDutch(gaps);
    }

    [Fact]
    public void Gaps_NoDutchAtAll_SaysLagerDanA1()
    {
        var (_, gaps) = Explain(Records.Vacancy("v1") with { DutchMin = CefrLevel.A2 }, Records.Candidate("c1") with { Dutch = CefrLevel.None }, "bm25");
        Assert.Contains("taalniveau lager dan A1, vraagt A2", gaps);
    }

    [Fact]
    public void Gaps_TwoShiftsTheCandidateCannotWork_AreJoinedWithOf()
    {
        var (_, gaps) = Explain(Records.Vacancy("v1") with { Shifts = [Shift.Day, Shift.Evening, Shift.Night] }, Records.Candidate("c1"), "bm25");
        Assert.Contains("kan geen avonddienst of nachtdienst", gaps);
    }

    [Fact]
    public void Reason_DoelgroepregisterAtAnInclusiveEmployer_SaysBoth()
    {
        var (explanation, _) = Explain(Records.Vacancy("v1"), Records.Candidate("c1") with { Doelgroepregister = true }, "doelgroepregister_inclusive_employer");
        Assert.Equal(["in het doelgroepregister, bij een werkgever in het inclusieve netwerk"], explanation.Reasons);
    }

    [Fact]
    public void Reason_ShortTripWithoutACar_SaysTheDistance()
    {
        var (explanation, _) = Explain(Records.Vacancy("v1"), Records.Candidate("c1", lat: 52.2737, lon: 5.1608), "km_without_car");
        Assert.Equal(["woont op 5 km"], explanation.Reasons);
    }

    [Theory]
    [InlineData(0.3, 0.2, "woont op 0,3 km, reist tot 0,2 km")]
    [InlineData(28.4, 20, "woont op 28 km, reist tot 20 km")]
    [InlineData(10.2, 10, "woont op 10,2 km, reist tot 10 km")]
    [InlineData(10.04, 10, "woont op 10,04 km, reist tot 10 km")]
    [InlineData(8.3, 7.5, "woont op 8,3 km, reist tot 7,5 km")]
    public void BeyondReach_ShowsADifferenceWholeKmWouldHide(double distance, double reach, string expected)
    {
        Assert.Equal(expected, Dutch.BeyondReach(distance, reach));
    }

    [Fact]
    public void Reason_LivesNextDoor_SaysLessThanOneKm()
    {
        var (explanation, _) = Explain(Records.Vacancy("v1"), Records.Candidate("c1", lat: 52.2312, lon: 5.1669), "distance_km");
        Assert.Equal(["woont op minder dan 1 km"], explanation.Reasons);
    }

    [Fact]
    public void Reason_OneShiftThatFits_DoesNotSayAllShifts()
    {
        var (explanation, _) = Explain(Records.Vacancy("v1"), Records.Candidate("c1"), "shift_fit");
        Assert.Equal(["kan in dagdienst werken"], explanation.Reasons);
    }

    [Fact]
    public void Reason_SeveralShiftsThatFit_NamesThemAll()
    {
        var (explanation, _) = Explain(Records.Vacancy("v1") with { Shifts = [Shift.Day, Shift.Evening] },
            Records.Candidate("c1") with { ShiftsOk = [Shift.Day, Shift.Evening] }, "shift_fit");
        Assert.Equal(["kan in alle gevraagde diensten werken (dagdienst en avonddienst)"], explanation.Reasons);
    }

    [Fact]
    public void Reason_Education_UsesDutchLevelNames()
    {
        var (explanation, _) = Explain(Records.Vacancy("v1") with { EducationMin = EducationLevel.Mbo1 }, Records.Candidate("c1"), "education_surplus");
        Assert.Equal(["opleiding mbo 2 (gevraagd mbo 1)"], explanation.Reasons);
    }

    [Fact]
    public void Reason_SkillsTheCandidateHas_AreListedWithEn()
    {
        var (explanation, _) = Explain(Records.Vacancy("v1") with { SkillsRequired = ["orderpicken", "voorraadbeheer"] },
            Records.Candidate("c1") with { Skills = ["orderpicken", "voorraadbeheer"] }, "required_skill_coverage");
        Assert.Equal(["heeft alle gevraagde vaardigheden (orderpicken en voorraadbeheer)"], explanation.Reasons);
    }

    [Fact]
    public void LeerwerkGap_Education_UsesDutchLevelNames()
    {
        Assert.Equal("opleiding mbo 2 nodig", new Gap(GapKind.Education, null, EducationLevel.Mbo2, null).Describe());
        Assert.Equal("taalniveau B1 nodig", new Gap(GapKind.Dutch, null, null, CefrLevel.B1).Describe());
    }

    [Theory]
    [InlineData(1, "korte bijstandsduur (1 maand)")]
    [InlineData(84, "lange bijstandsduur (84 maanden)")]
    [InlineData(600, "lange bijstandsduur (600 maanden of meer)")]
    public void HerinstroomFactor_MonthsInBijstand_SingularForOne(int months, string expected) =>
        Assert.Equal(expected, HerinstroomWords.Describe("months_in_bijstand", months, 30));

    [Fact]
    public void HerinstroomFactor_ExitsAsManyAsTheModelsCount_SayOrMore()
    {
        Assert.Equal("3 keer eerder uitgestroomd", HerinstroomWords.Describe("prior_outflows", 3, 1));
        Assert.Equal("50 keer of vaker eerder uitgestroomd", HerinstroomWords.Describe("prior_outflows", WorkingLife.CountedExits(int.MaxValue), 1));
    }

    [Fact]
    public void HerinstroomFactor_NoDiplomaAndNoDutch_AreDutchWords()
    {
        Assert.Equal("opleiding: geen diploma", HerinstroomWords.Describe("education", 0, 3));
        Assert.Equal("taalniveau Nederlands: lager dan A1", HerinstroomWords.Describe("dutch", 0, 3));
    }

    [Fact]
    public void CarvingExplanation_OneRole_IsSingularWithoutBrackets()
    {
        var employer = Records.Employer() with { Sector = "zorg" };
        var vacancy = Records.Vacancy("v1") with
        {
            Sector = "zorg", HoursMin = 32, HoursMax = 36, EducationMin = EducationLevel.Mbo4,
            Tasks =
            [
                new() { Id = "bedden", Name = "bedden opmaken", Skills = ["bedden opmaken"], Complexity = 1, PhysicalLoad = Load.Medium, HoursPerWeek = 12.5 },
                new() { Id = "zorgplan", Name = "zorgplannen bijhouden", Skills = ["rapporteren"], Complexity = 4, PhysicalLoad = Load.Low, HoursPerWeek = 20 },
            ],
        };
        var candidate = Records.Candidate("c1") with { HoursMin = 12, HoursMax = 16, Skills = ["bedden opmaken"] };
        var outcome = JobCarver.Carve(employer, [vacancy], WorkerProfile.Of(candidate, []));
        Assert.Single(outcome.Roles);
        Assert.Equal("1 rol mogelijk; de beste: zorgassistent, 12,5 uur uit 1 taak van 1 vacature", outcome.Explanation);
    }

    [Fact]
    public void Reasons_ExperienceBeyondAWorkingLife_SayAWorkingLifeOrMore()
    {
        var vacancy = Records.Vacancy("v1");
        var (explanation, _) = Explain(vacancy, Records.Candidate("c1") with { Experience = [new Experience(vacancy.Isco, 1_000_000)] }, "years_same_isco");
        Assert.StartsWith($"{WorkingLife.Years} jaar of meer ervaring als ", explanation.Reasons.Single());
    }
}
