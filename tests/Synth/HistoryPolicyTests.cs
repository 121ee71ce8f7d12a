using MatchEngine.Engine.Domain;
using MatchEngine.Training.Synth;

namespace MatchEngine.Tests.Synth;

public sealed class HistoryPolicyTests
{
    private static World Generate(HistoryPolicy policy) =>
        new WorldGenerator(new SynthOptions(Seed: 3, Candidates: 600, Vacancies: 30) { HistoryPolicy = policy }).Generate();

    [Fact]
    public void Generate_RandomPolicy_ProposesOnlyNearbyCandidatesWhenThereAreEnough()
    {
        var world = Generate(HistoryPolicy.Random);
        var vacancies = world.Vacancies.ToDictionary(v => v.Id);
        var candidates = world.Candidates.ToDictionary(c => c.Id);
        var proposals = world.MatchEvents.Where(e => e.Stage == MatchStage.Proposed).ToArray();
        Assert.NotEmpty(proposals);
        var near = proposals.Count(e => vacancies[e.VacancyId].Location.DistanceKm(candidates[e.CandidateId].Location) <= HistoryGenerator.NearbyKm);
        Assert.True(near > 0.9 * proposals.Length, $"{near} of {proposals.Length} proposals nearby");
    }

    [Fact]
    public void Generate_Policies_ProposeDifferentCandidates()
    {
        static HashSet<(string, string)> Pairs(World w) =>
            w.MatchEvents.Where(e => e.Stage == MatchStage.Proposed).Select(e => (e.VacancyId, e.CandidateId)).ToHashSet();
        var heuristic = Pairs(Generate(HistoryPolicy.Heuristic));
        var text = Pairs(Generate(HistoryPolicy.Text));
        Assert.NotEmpty(text);
        Assert.True(text.Intersect(heuristic).Count() < 0.5 * text.Count);
    }

    [Fact]
    public void Generate_TextPolicy_ProposesCandidatesWhoseProfileSharesTheVacancysWords()
    {
        var world = Generate(HistoryPolicy.Text);
        var vacancies = world.Vacancies.ToDictionary(v => v.Id);
        var candidates = world.Candidates.ToDictionary(c => c.Id);
        var shared = world.MatchEvents.Where(e => e.Stage == MatchStage.Proposed).Average(e =>
        {
            var v = vacancies[e.VacancyId];
            var c = candidates[e.CandidateId];
            return v.SkillsRequired.Concat(v.SkillsPreferred).Count(s => c.Skills.Contains(s, StringComparer.OrdinalIgnoreCase)) > 0
                   || c.Experience.Any(x => x.Isco == v.Isco) || c.DesiredIsco.Contains(v.Isco) ? 1.0 : 0.0;
        });
        Assert.True(shared > 0.9, $"share of proposals sharing a skill or the occupation: {shared:0.00}");
    }
}
