using System.Diagnostics;
using MatchEngine.Engine;
using MatchEngine.Engine.Advice;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Synth;
using Xunit.Abstractions;

namespace MatchEngine.Tests.Advice;

public sealed class AdviceServiceTests : IClassFixture<TrainedRegion>, IDisposable
{
    private readonly TrainedRegion _region;
    private readonly ITestOutputHelper _output;
    private readonly CatalogService _catalog;
    private readonly AdviceService _advice;

    public AdviceServiceTests(TrainedRegion region, ITestOutputHelper output)
    {
        _region = region;
        _output = output;
        _catalog = CatalogService.Open(region.Layout, TimeProvider.System);
        var registry = new ModelRegistry(region.Layout.ModelsPath, TimeProvider.System);
        var pool = new CandidatePool(_catalog.Store);
        var today = new DataToday(_catalog.Store, new FixedClock(TrainedRegion.Today));
        var leerwerk = new LeerwerkService(_catalog, pool, RouteSuccessModels.Follow(registry, null), today);
        _advice = new AdviceService(_catalog, pool, RankerModels.Follow(registry, null), leerwerk, today);
    }

    public void Dispose() => _catalog.Dispose();

    /// <summary>Consenting candidates of the region with an open vacancy within their reach, and that vacancy.</summary>
    private IEnumerable<(Candidate Candidate, Vacancy Vacancy)> Pairs()
    {
        var open = _region.World.Vacancies.Where(v => v.IsOpenOn(TrainedRegion.Today)).OrderBy(v => v.Id, StringComparer.Ordinal).ToArray();
        foreach (var c in _region.World.Candidates.Where(c => c.ConsentMatching).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var here = new GeoPoint(c.Lat, c.Lon);
            if (open.FirstOrDefault(v => v.Location.DistanceKm(here) <= c.MaxDistanceKm) is { } v) yield return (c, v);
        }
    }

    [Fact]
    public void AttainableSteps_NeverTouchAgeProtectedAttributesHistoryOrSpell()
    {
        var candidate = _region.World.Candidates.First(c => c.ConsentMatching && c.BirthYear is not null);
        foreach (var step in AttainableSteps.For(candidate, _region.World.Routes))
        {
            var changed = step.Apply(candidate);
            Assert.Equal(candidate.BirthYear, changed.BirthYear);
            Assert.Equal(candidate.Protected, changed.Protected);
            Assert.Equal(candidate.Experience, changed.Experience);
            Assert.Equal(candidate.MonthsInBijstand, changed.MonthsInBijstand);
            Assert.Equal(candidate.PriorOutflows, changed.PriorOutflows);
            Assert.NotEqual(candidate, changed);
        }
    }

    [Fact]
    public void AttainableSteps_OnATypedRecord_KeepTheResolvedLabelsAlignedAndSkipWhatTheCandidateHasInOtherWords()
    {
        var (route, baseCandidate) = _region.World.Routes.Where(r => r.Certifies.Count > 0)
            .SelectMany(r => _region.World.Candidates.Where(c => c.ConsentMatching && c.Certificates.Count == 0 && c.Dutch >= r.RequiresDutchMin
                && c.Education >= r.RequiresEducationMin).Take(1).Select(c => (r, c)))
            .First();
        var certificate = route.Certifies[0];
        var candidate = baseCandidate with
        {
            Certificates = ["mijn certificaat"],
            ResolvedCertificates = [new ResolvedLabel("mijn certificaat", certificate, 0.9)],
        };
        Assert.DoesNotContain(AttainableSteps.For(candidate, [route]), s => s.Key.Contains($"certificate:{Labels.Key(certificate)}", StringComparison.Ordinal));
        var other = baseCandidate with { ResolvedCertificates = [] };
        var changed = AttainableSteps.Apply(other, route);
        Assert.Equal(changed.Certificates.Count, changed.ResolvedCertificates!.Count);
        Assert.Contains(certificate, MatchEngine.Engine.LabelResolution.ComparedLabels.Certificates(changed));
    }

    [Fact]
    public void AttainableSteps_OnlyRoutesWhoseEntryRequirementsAreMet()
    {
        var candidate = _region.World.Candidates.First(c => c.ConsentMatching && c.Dutch <= CefrLevel.A2);
        var steps = AttainableSteps.For(candidate, _region.World.Routes);
        Assert.All(steps.Select(s => s.Route).OfType<LeerwerkRoute>(), r => Assert.True(r.RequiresDutchMin <= candidate.Dutch && r.RequiresEducationMin <= candidate.Education, r.Id));
        Assert.Contains(steps, s => s.Kind == AdviceStepKind.Transport);
    }

    [Fact]
    public void WhatHelps_StepsRaiseTheScoreAndThePlaceFollows()
    {
        var (candidate, vacancy) = Pairs().First(p => _advice.WhatHelps(p.Candidate.Id, p.Vacancy.Id).Steps.Count > 0);
        var advice = _advice.WhatHelps(candidate.Id, vacancy.Id);
        Assert.NotEmpty(advice.Steps);
        Assert.All(advice.Steps, s =>
        {
            Assert.True(s.ScoreGain > 0);
            Assert.True(s.After.Place <= advice.Before.Place, $"{s.Label}: place {s.After.Place} after, {advice.Before.Place} before");
            Assert.True(s.ChanceGain > 0, s.Label);
        });
        Assert.Equal(advice.Steps.OrderByDescending(s => s.ScoreGain).Select(s => s.Label), advice.Steps.Select(s => s.Label));
        Assert.All(advice.Combinations, c => Assert.True(c.ScoreGain > advice.Steps[0].ScoreGain && c.Steps.Count == 2));
        Assert.Contains("geen belofte", advice.Caveat, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatHelps_CandidateWithoutConsent_IsNotFound()
    {
        var noConsent = _region.World.Candidates.First(c => !c.ConsentMatching);
        var vacancy = _region.World.Vacancies.First(v => v.IsOpenOn(TrainedRegion.Today));
        Assert.Throws<RecordNotFoundException>(() => _advice.WhatHelps(noConsent.Id, vacancy.Id));
    }

    /// <summary>
    /// The generator knows the truth: apply every advised step inside it and compare the truth's change in the chance of
    /// an invitation with the advised change, over 200 candidate–vacancy pairs.
    /// </summary>
    [Fact]
    public void WhatHelps_AgreesWithTheGeneratorsTruth()
    {
        var employers = _region.World.Employers.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var advised = new List<double>();
        var truth = new List<double>();
        int top = 0, topRaises = 0;
        foreach (var (candidate, vacancy) in Pairs().Take(200))
        {
            var advice = _advice.WhatHelps(candidate.Id, vacancy.Id);
            var employer = employers[vacancy.EmployerId];
            var before = Compatibility.Sigmoid(Compatibility.ExpectedLogOdds(vacancy, employer, candidate));
            foreach (var (effect, k) in advice.Steps.Select((e, k) => (e, k)))
            {
                var changed = effect.Steps.Aggregate(candidate, (c, s) => s.Apply(c));
                var trueGain = Compatibility.Sigmoid(Compatibility.ExpectedLogOdds(vacancy, employer, changed)) - before;
                advised.Add(effect.ChanceGain!.Value);
                truth.Add(trueGain);
                if (k > 0) continue;
                top++;
                if (trueGain > 0) topRaises++;
            }
        }
        var spearman = MathNet.Numerics.Statistics.Correlation.Spearman(advised, truth);
        _output.WriteLine($"advised steps {advised.Count} over 200 pairs; Spearman {spearman:0.000}; top steps raising the true chance {topRaises}/{top} ({topRaises / (double)top:0.000})");
        Assert.True(advised.Count >= 200, $"only {advised.Count} advised steps");
        Assert.True(spearman >= 0.6, $"Spearman {spearman:0.000}");
        Assert.True(topRaises >= 0.9 * top, $"{topRaises}/{top} top steps raise the true chance");
    }

    [Fact]
    public void Plan_CountsTopTenVacanciesNowAndAfterEachStep()
    {
        var watch = Stopwatch.StartNew();
        // The first of the region's candidates for whom some step opens a top 10 (the pools' bars are kept after the first plan).
        var plans = Pairs().Take(40).Select(p => _advice.Plan(p.Candidate.Id, TrainedRegion.Today)).ToArray();
        var plan = plans.FirstOrDefault(p => p.SingleSteps.Count > 0);
        Assert.NotNull(plan);
        // A two-step plan is offered only when the second step adds vacancies to the best single step.
        Assert.All(plans.Where(p => p.BestTwoSteps is not null), p => Assert.True(p.BestTwoSteps!.TopTenVacancies > p.SingleSteps[0].TopTenVacancies, p.Summary));
        _output.WriteLine($"plans in {watch.ElapsedMilliseconds} ms; {plan.CandidateId} over {plan.VacanciesConsidered} vacancies: {plan.Summary}");
        Assert.All(plan.SingleSteps, s => Assert.True(s.TopTenVacancies > plan.Now.TopTenVacancies && s.TopTenVacancies <= plan.VacanciesConsidered));
        Assert.Equal(plan.SingleSteps.OrderByDescending(s => s.TopTenVacancies).Select(s => s.TopTenVacancies), plan.SingleSteps.Select(s => s.TopTenVacancies));
        Assert.Matches(@"^met .+: \d+ vacatures? in de top 10 in plaats van \d+$", plan.Summary);
        var one = new PlanOption([], 1, 1, 250m);
        Assert.Equal("met geen stap: 1 vacature in de top 10 in plaats van 0",
            new DevelopmentPlan("c", "ranker-v0001", TrainedRegion.Today, 3, new PlanOption([], 0, 0, 0m), [one], null).Summary);
    }

    [Fact]
    public void TrainingNeeds_CountCandidatesAndVacanciesPerStep()
    {
        var watch = Stopwatch.StartNew();
        var needs = _advice.TrainingNeeds("GV", TrainedRegion.Today);
        _output.WriteLine($"training needs in {watch.ElapsedMilliseconds} ms: {string.Join("; ", needs.Take(5).Select(n => $"{n.Label}: {n.Candidates} kandidaten, {n.Vacancies} vacatures"))}");
        Assert.NotEmpty(needs);
        Assert.All(needs, n => Assert.True(n.Candidates > 0 && n.Vacancies > 0 && n.CandidateVacancyPairs >= n.Candidates && n.TotalCostEur == n.CostPerCandidateEur * n.Candidates));
        Assert.Equal(needs.OrderByDescending(n => n.Candidates).Select(n => n.Candidates), needs.Select(n => n.Candidates));
        Assert.Empty(_advice.TrainingNeeds("XX", TrainedRegion.Today));
    }

    [Fact]
    public void TrainingNeeds_DayWithoutAnOpenVacancy_IsEmpty()
    {
        var before = _region.World.Vacancies.Min(v => v.PostedAt).AddYears(-1);
        Assert.Empty(_advice.TrainingNeeds("GV", before));
    }
}
