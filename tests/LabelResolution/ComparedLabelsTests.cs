using System.Text.Json.Nodes;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Store;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.LabelResolution;

/// <summary>
/// A candidate who typed "heftruckrijden", "ervaring met orderpicken" and "heftruck-certificaat", imported into a SQLite
/// store, against the sample vacancy that asks for "heftruck rijden", "orderpicken" and "heftruckcertificaat": every
/// capability that compares labels sees the match, and a reason quotes the candidate's own words.
/// </summary>
public sealed class ComparedLabelsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteCatalogStore _store;

    public ComparedLabelsTests()
    {
        var folder = ContractSamples.WriteFolder(_dir.File("world"), lines =>
        {
            var c = lines[EntityKind.Candidate][0];
            c["skills"] = new JsonArray("heftruckrijden", "ervaring met orderpicken");
            c["certificates"] = new JsonArray("heftruck-certificaat");
            // Contract input cannot claim resolved labels: the engine resolves them itself.
            c["resolved_skills"] = new JsonArray(new JsonObject { ["text"] = "heftruckrijden", ["canonical"] = "koken", ["confidence"] = 1 });
        });
        _store = new SqliteCatalogStore(_dir.File("store.db"));
        var result = new FolderImporter(_store, new ContractValidator(ValidationContext.At(new FixedClock(ContractSamples.Today)))).Import(folder);
        Assert.Equal(0, result.RejectedLines);
    }

    private Candidate Candidate => _store.GetCandidate("cand-1")!;
    private Vacancy Vacancy => _store.GetVacancy("vac-1")!;

    [Fact]
    public void Import_TypedLabels_StoredAsTypedWithTheirResolutionBeside()
    {
        Assert.Equal(["heftruckrijden", "ervaring met orderpicken"], Candidate.Skills);
        Assert.Equal(["heftruck rijden", "orderpicken"], Candidate.ResolvedSkills!.Select(r => r.Canonical));
        Assert.Equal("heftruckcertificaat", Assert.Single(Candidate.ResolvedCertificates!).Canonical);
    }

    [Fact]
    public void Featurize_TypedLabels_CoverWhatTheVacancyAsks()
    {
        var f = PairFeatures.Featurize(new PreparedVacancy(Vacancy, _store.GetEmployer("emp-1")), new PreparedCandidate(Candidate), 1f);
        Assert.Equal(1f, f[PairFeatures.IndexOf("required_skill_coverage")]);
        Assert.Equal(1f, f[PairFeatures.IndexOf("certificate_coverage")]);
        Assert.Equal(0f, f[PairFeatures.IndexOf("missing_certificates")]);
    }

    [Fact]
    public void Explain_ResolvedSkill_QuotesTheCandidatesWords()
    {
        var vacancy = new PreparedVacancy(Vacancy, _store.GetEmployer("emp-1"));
        var candidate = new PreparedCandidate(Candidate);
        var features = PairFeatures.Featurize(vacancy, candidate, 1f);
        var contributions = new float[PairFeatures.Names.Count];
        contributions[PairFeatures.IndexOf("required_skill_coverage")] = 1f;
        contributions[PairFeatures.IndexOf("certificate_coverage")] = 0.5f;
        var explanation = Explainer.Explain(vacancy, candidate, features, contributions);
        Assert.Contains("heeft alle gevraagde vaardigheden ('heftruckrijden' (= heftruck rijden))", explanation.Reasons);
        Assert.Contains("heeft 'heftruck-certificaat' (= heftruckcertificaat)", explanation.Reasons);
        Assert.DoesNotContain(explanation.Gaps, g => g.StartsWith("mist", StringComparison.Ordinal));
    }

    [Fact]
    public void GapsBetween_TypedLabels_NoSkillOrCertificateGap() =>
        Assert.DoesNotContain(Gap.Between(Candidate, Vacancy), g => g.Kind is GapKind.Skill or GapKind.Certificate);

    [Fact]
    public void WorkerProfile_TypedLabels_HoldsTheTaskSkills()
    {
        var profile = WorkerProfile.Of(Candidate, _store.Routes());
        Assert.All(Vacancy.Tasks.SelectMany(t => t.Skills), s => Assert.Contains(Labels.Key(s), profile.SkillKeys));
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}
