using System.Collections.Concurrent;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Engine.Advice;

/// <summary>
/// "Wat helpt?": which attainable steps (<see cref="AttainableSteps"/>) would raise a candidate's standing, scored by the
/// promoted ranker on the changed record against the vacancy's whole pool as a shortlist ranks it. For one vacancy
/// (<see cref="WhatHelps"/>), across the open vacancies within twice the candidate's reach (<see cref="Plan"/>), and summed
/// over a region (<see cref="TrainingNeeds"/>). A changed record keeps its text relevance (BM25) to the vacancy. The
/// training needs compute again only the features that read what a step changes (<see cref="PairFeatures.Changed"/>), and
/// with a linear ranker (plain or on a hinge basis) they skip every pair that no change can lift past the vacancy's bar
/// (<see cref="PairFeatures.MostChangesCanAdd"/>): the same counts, tested against featurizing every changed record. The
/// top-10 bars of the vacancies' pools and each region's training needs are kept until the promoted model or the store
/// changes. Thread-safe.
/// </summary>
public sealed class AdviceService(CatalogService catalog, CandidatePool pool, PromotedModel<TrainedRanker> ranker, LeerwerkService leerwerk, DataToday today)
{
    /// <summary>What advice is, in one plain Dutch sentence.</summary>
    public const string Caveat = "Dit is wat het model verwacht op grond van eerdere uitkomsten, geen belofte: of een stap echt helpt, hangt ook af van de werkgever en van de kandidaat zelf.";

    /// <summary>Steps combined in pairs: the best single steps.</summary>
    public const int PairedSteps = 6;

    /// <summary>Combinations of two steps shown.</summary>
    public const int CombinationsShown = 3;

    private readonly ConcurrentDictionary<(string VacancyId, string Region), PoolScores> _bars = new();
    private readonly ConcurrentDictionary<string, PreparedVacancy?> _vacancies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<Bm25Disjunction.Clause>> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Region, DateOnly AsOf), IReadOnlyList<TrainingNeed>> _needs = new();
    private (string Version, long Revision) _barsOf;
    private readonly Lock _barsLock = new();

    /// <summary>Where a consenting candidate stands for a vacancy, and every attainable step that raises it, most gain first, with the best combinations of two.</summary>
    public VacancyAdvice WhatHelps(string candidateId, string vacancyId)
    {
        var (model, manifest) = RankerModels.Current(ranker);
        var candidate = Consenting(candidateId);
        var prepared = Prepared(vacancyId);
        float? pooled = null;
        var pool1 = PoolScores.Of(catalog, pool, model, prepared, candidate.Region, (id, bm25) => { if (id == candidateId) pooled = bm25; });
        var bm25 = pooled ?? Bm25Of(prepared, candidate);
        var calibration = ChanceCalibration.Of(manifest);
        Standing StandingOf(Candidate c)
        {
            var score = model.Score([PairFeatures.Featurize(prepared, new PreparedCandidate(c), bm25)])[0];
            return new Standing(calibration is null ? null : Math.Round(calibration.Chance(score), 4), Math.Round(score, 4), pool1.PlaceOf(candidateId, score)!.Value, pool1.Size);
        }
        var before = StandingOf(candidate);
        StepsEffect EffectOf(IReadOnlyList<AdviceStep> steps)
        {
            var after = StandingOf(steps.Aggregate(candidate, (c, s) => s.Apply(c)));
            return new StepsEffect(steps, after, after.Chance - before.Chance is { } gain ? Math.Round(gain, 4) : null, Math.Round(after.Score - before.Score, 4),
                steps.Sum(s => s.Weeks), steps.Sum(s => s.CostEur), SuccessOf(candidate, steps));
        }
        var singles = AttainableSteps.For(candidate, catalog.Store.Routes()).Select(s => EffectOf([s]))
            .Where(e => e.ScoreGain > 0).OrderByDescending(e => e.ScoreGain).ThenBy(e => e.CostEur).ThenBy(e => e.Label, StringComparer.Ordinal).ToArray();
        var paired = singles.Take(PairedSteps).ToArray();
        var combinations = paired.SelectMany((a, i) => paired.Skip(i + 1).Select(b => EffectOf([a.Steps[0], b.Steps[0]])))
            .Where(e => e.ScoreGain > singles[0].ScoreGain).OrderByDescending(e => e.ScoreGain).ThenBy(e => e.CostEur).Take(CombinationsShown).ToArray();
        return new VacancyAdvice(candidateId, vacancyId, manifest.Version, before, singles, combinations);
    }

    /// <summary>
    /// The consenting candidate's development plan on <paramref name="asOf"/>: of the open vacancies within twice their
    /// reach, how many have them in the top 10 now, after each single step, and after the best two-step plan, when it
    /// reaches more vacancies than the best single step.
    /// </summary>
    public DevelopmentPlan Plan(string candidateId, DateOnly asOf)
    {
        var (model, manifest) = RankerModels.Current(ranker);
        var candidate = Consenting(candidateId);
        var steps = AttainableSteps.For(candidate, catalog.Store.Routes());
        var reach = Reach(model, manifest, candidate, steps, asOf);
        var now = new PlanOption([], reach.Count(r => r.InTop[0]), 0, 0);
        var singles = steps.Select((s, k) => new PlanOption([s], reach.Count(r => r.InTop[k + 1]), s.Weeks, s.CostEur))
            .Where(o => o.TopTenVacancies > now.TopTenVacancies).OrderByDescending(o => o.TopTenVacancies).ThenBy(o => o.CostEur).ThenBy(o => o.Label, StringComparer.Ordinal).ToArray();
        PlanOption? two = null;
        var paired = singles.Take(PairedSteps).Select(o => o.Steps[0]).ToArray();
        if (paired.Length >= 2)
        {
            var combos = paired.SelectMany((a, i) => paired.Skip(i + 1).Select(b => (IReadOnlyList<AdviceStep>)[a, b])).ToArray();
            var counts = new int[combos.Length];
            foreach (var r in reach)
            {
                var scores = model.Score([.. combos.Select(c => PairFeatures.Featurize(r.Vacancy, new PreparedCandidate(c.Aggregate(candidate, (x, s) => s.Apply(x))), r.Bm25))]);
                for (var i = 0; i < combos.Length; i++) if (r.Pool.InTop(candidateId, scores[i])) counts[i]++;
            }
            var best = Enumerable.Range(0, combos.Length).OrderByDescending(i => counts[i]).ThenBy(i => combos[i].Sum(s => s.CostEur)).First();
            // A second step that adds no vacancy to the best single step is no plan (e.g. a route that teaches the first step again).
            if (counts[best] > singles[0].TopTenVacancies)
                two = new PlanOption(combos[best], counts[best], combos[best].Sum(s => s.Weeks), combos[best].Sum(s => s.CostEur));
        }
        return new DevelopmentPlan(candidateId, manifest.Version, asOf, reach.Count, now, singles, two);
    }

    /// <summary>
    /// The region's training needs on <paramref name="asOf"/>: for every step, the consenting candidates of
    /// <paramref name="region"/> without a job on that day (<see cref="CurrentJobs"/>) it would bring into the top 10 of at
    /// least one more open vacancy within twice their reach, how many vacancies that concerns, and its cost through the
    /// catalogue; most candidates first. The top 10 is the shortlist's, people at work included.
    /// </summary>
    public IReadOnlyList<TrainingNeed> TrainingNeeds(string region, DateOnly asOf, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        var (model, manifest) = RankerModels.Current(ranker);
        var bars = Bars(manifest.Version);
        if (_needs.TryGetValue((region, asOf), out var known)) return known;
        var needs = CountNeeds(model, region, asOf, bars, cancel);
        _needs.TryAdd((region, asOf), needs);
        return needs;
    }

    private IReadOnlyList<TrainingNeed> CountNeeds(TrainedRanker model, string region, DateOnly asOf,
        ConcurrentDictionary<(string VacancyId, string Region), PoolScores> bars, CancellationToken cancel)
    {
        var routes = catalog.Store.Routes().ToArray();
        // Training is bought for people in the bijstand: who holds a job on the day is not counted.
        var jobs = today.JobsOn(asOf);
        // Each candidate's steps and changed records, prepared once for every vacancy.
        var candidates = pool.All.Where(c => c.Candidate.Region == region && jobs.Of(c.Candidate.Id) is null).AsParallel().AsOrdered().WithCancellation(cancel)
            .Select(c => StepsOf(c, routes)).ToArray();
        if (candidates.Length == 0) return [];
        var ids = Array.ConvertAll(candidates, c => c.Id);
        var ordinals = new Dictionary<string, int>(candidates.Length, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Length; i++) ordinals[ids[i]] = i;
        var needs = new ConcurrentDictionary<string, NeedTally>(StringComparer.Ordinal);
        var open = catalog.Index.Search(new VacancyQuery { OpenOn = asOf, Top = MaxVacancies });
        if (open.Count == 0) return [];
        // A pair reads the candidate's prepared record, which does not stay in the processor's caches from one vacancy's
        // pass over 20,000 candidates to the next: the vacancies are taken in blocks, candidate by candidate.
        Parallel.ForEach(Partitioner.Create(0, open.Count, VacancyBlock), new ParallelOptions { CancellationToken = cancel }, range =>
        {
            var block = new List<RankedVacancy>(VacancyBlock);
            for (var i = range.Item1; i < range.Item2; i++)
                if (VacancyOf(open[i].Id) is { } vacancy) block.Add(Ranked(model, vacancy, region, candidates, ids, ordinals, bars));
            var counter = new PairCounter(model, needs);
            for (var i = 0; i < candidates.Length; i++)
            {
                var c = candidates[i];
                foreach (var v in block)
                    if (PairFeatures.DistanceKm(v.Vacancy, c.Original) is var km && km <= 2 * c.Original.MaxDistanceKm)
                        counter.Count(v.Vacancy, c, km, v.Bm25[i], v.Bars[i]);
            }
        });
        return [.. needs.Values.Select(t => t.ToNeed()).OrderByDescending(n => n.Candidates).ThenByDescending(n => n.CandidateVacancyPairs).ThenBy(n => n.Key, StringComparer.Ordinal)];
    }

    /// <summary>Open vacancies the training needs take together, candidate by candidate.</summary>
    private const int VacancyBlock = 16;

    /// <summary>An open vacancy with, per candidate of the region (by position), their text relevance and their top-10 bar.</summary>
    private sealed record RankedVacancy(PreparedVacancy Vacancy, float[] Bm25, float[] Bars);

    /// <summary>Ranks the vacancy's pool in the region (its bar is kept for plans) and reads each candidate's text relevance and bar.</summary>
    private RankedVacancy Ranked(TrainedRanker model, PreparedVacancy vacancy, string region, CandidateSteps[] candidates, string[] ids,
        Dictionary<string, int> ordinals, ConcurrentDictionary<(string VacancyId, string Region), PoolScores> bars)
    {
        float[]? bm25 = null;
        var pooled = new List<int>();
        // The text relevance of every candidate of the region (0 where no term matches), read from retrieval's own pass by
        // position in the region's id list (its documents looked up once for every vacancy).
        var scores = PoolScores.Of(catalog, pool, model, vacancy, region, (id, _) => { if (ordinals.TryGetValue(id, out var i)) pooled.Add(i); },
            search => bm25 = search.ScoresOf(ids));
        bars.TryAdd((vacancy.Vacancy.Id, region), scores.Trimmed());
        var outside = scores.Bar(null);
        var bar = new float[candidates.Length];
        Array.Fill(bar, outside);
        foreach (var i in pooled) bar[i] = scores.Bar(candidates[i].Id);
        return new RankedVacancy(vacancy, bm25 ?? throw new InvalidOperationException("retrieval did not hand its search over"), bar);
    }

    /// <summary>Counts, pair by pair, the steps that bring a candidate into a vacancy's top 10; one per thread.</summary>
    private sealed class PairCounter(TrainedRanker model, ConcurrentDictionary<string, NeedTally> needs)
    {
        // The vectors of one pair's record and of its changed records, reused from pair to pair.
        private readonly float[] _original = new float[PairFeatures.Names.Count];
        private readonly List<float[]> _buffers = [];
        private readonly List<float[]> _vectors = [];
        private readonly List<AdviceStep> _changedBy = [];

        public void Count(PreparedVacancy vacancy, CandidateSteps c, double km, float bm25, float bar)
        {
            PairFeatures.Featurize(vacancy, c.Original, km, bm25, _original);
            var score = model.Score([_original])[0];
            // In the top 10 already; or, with a linear model, no change to the record can add enough to reach the bar (with a
            // margin for the rounding of scores to single precision).
            if (score >= bar) return;
            if (model.IsAdditive && score + PairFeatures.MostChangesCanAdd(vacancy, _original, model.MostGain) < bar - 1e-3 * Math.Max(1, Math.Abs(bar)))
                return;
            _vectors.Clear();
            _changedBy.Clear();
            // A step that changes none of the features this vacancy's pair reads scores as the record without it: below the bar.
            for (var k = 0; k < c.Steps.Count; k++)
            {
                if (_buffers.Count == _vectors.Count) _buffers.Add(new float[_original.Length]);
                var vector = _buffers[_vectors.Count];
                if (!PairFeatures.Changed(vacancy, c.Changed[k], km, bm25, _original, c.Steps[k].Changes, vector)) continue;
                _vectors.Add(vector);
                _changedBy.Add(c.Steps[k]);
            }
            if (_changedBy.Count == 0) return;
            var scores = model.Score(_vectors);
            for (var k = 0; k < _changedBy.Count; k++)
                if (scores[k] >= bar)
                    needs.GetOrAdd(NeedTally.KeyOf(_changedBy[k]), _ => new NeedTally(_changedBy[k])).Add(c.Id, vacancy.Vacancy.Id);
        }
    }

    /// <summary>A candidate's steps, with the record after each prepared once for all the region's vacancies.</summary>
    private sealed record CandidateSteps(PreparedCandidate Original, IReadOnlyList<AdviceStep> Steps, PreparedCandidate[] Changed)
    {
        public string Id => Original.Candidate.Id;
    }

    private static CandidateSteps StepsOf(PreparedCandidate candidate, IReadOnlyList<LeerwerkRoute> routes)
    {
        var steps = AttainableSteps.For(candidate.Candidate, routes);
        return new CandidateSteps(candidate, steps, [.. steps.Select(s => new PreparedCandidate(s.Apply(candidate.Candidate)))]);
    }

    /// <summary>For each open vacancy within twice the candidate's reach: its pool's top-10 bar, and whether the candidate is in the top 10 now (index 0) and after each step (index k + 1).</summary>
    private List<Reached> Reach(TrainedRanker model, ModelManifest manifest, Candidate candidate, IReadOnlyList<AdviceStep> steps, DateOnly asOf)
    {
        var prepared = new PreparedCandidate(candidate);
        var variants = new[] { prepared }.Concat(steps.Select(s => new PreparedCandidate(s.Apply(candidate)))).ToArray();
        var hits = catalog.Index.Search(new VacancyQuery { Near = prepared.Location, RadiusKm = 2 * candidate.MaxDistanceKm, OpenOn = asOf, Top = MaxVacancies });
        var reached = new Reached?[hits.Count];
        var cache = Bars(manifest.Version);
        using var text = catalog.Index.ScorerOf(candidate.Id);
        // A bar not yet known costs a retrieval and the scores of a whole pool: vacancies are taken in parallel.
        Parallel.For(0, hits.Count, i =>
        {
            if (VacancyOf(hits[i].Id) is not { } v) return;
            var bars = cache.GetOrAdd((v.Vacancy.Id, candidate.Region), _ => PoolScores.Of(catalog, pool, model, v, candidate.Region).Trimmed());
            var bm25 = text.Score(TextOf(v));
            var scores = model.Score([.. variants.Select(c => PairFeatures.Featurize(v, c, bm25))]);
            reached[i] = new Reached(v, bars, bm25, [.. scores.Select(s => bars.InTop(candidate.Id, s))]);
        });
        return [.. reached.OfType<Reached>()];
    }

    /// <summary>The top-10 bars of the pools under model <paramref name="version"/> at the store's revision; emptied when either changes.</summary>
    private ConcurrentDictionary<(string VacancyId, string Region), PoolScores> Bars(string version)
    {
        var current = (version, catalog.Store.Revision);
        lock (_barsLock)
        {
            if (_barsOf != current)
            {
                _bars.Clear();
                _vacancies.Clear();
                _texts.Clear();
                _needs.Clear();
                _barsOf = current;
            }
        }
        return _bars;
    }

    /// <summary>Most open vacancies a plan looks at.</summary>
    public const int MaxVacancies = 20_000;

    private sealed record Reached(PreparedVacancy Vacancy, PoolScores Pool, float Bm25, bool[] InTop);

    /// <summary>The open vacancy, prepared once per model version and store revision (null when it no longer exists).</summary>
    private PreparedVacancy? VacancyOf(string id) => _vacancies.GetOrAdd(id, _ =>
        catalog.Store.GetVacancy(id) is { } vacancy ? new PreparedVacancy(vacancy, catalog.Store.GetEmployer(vacancy.EmployerId)) : null);

    /// <summary>The candidates and vacancies one route (or transport support) brings together in a top 10.</summary>
    private sealed class NeedTally(AdviceStep step)
    {
        /// <summary>The route's id, or "transport".</summary>
        public static string KeyOf(AdviceStep step) => step.Route?.Id ?? "transport";
        private readonly HashSet<string> _candidates = new(StringComparer.Ordinal);
        private readonly HashSet<string> _vacancies = new(StringComparer.Ordinal);
        private int _pairs;

        public void Add(string candidateId, string vacancyId)
        {
            lock (_vacancies)
            {
                _candidates.Add(candidateId);
                _vacancies.Add(vacancyId);
                _pairs++;
            }
        }

        public TrainingNeed ToNeed() => new(KeyOf(step), Label, _candidates.Count, _vacancies.Count, _pairs, step.CostEur, step.CostEur * _candidates.Count);

        private string Label => step.Route is { } r
            ? $"{r.Name} ({Dutch.Weeks(r.Weeks)}): {Dutch.List(Gains(r))}"
            : $"vervoersondersteuning (reisbereik × {Dutch.Number(AttainableSteps.ReachFactor)})";

        private static IEnumerable<string> Gains(LeerwerkRoute r) =>
            r.Certifies.Concat(r.TeachesSkills)
                .Concat(r.RaisesDutchTo is { } d ? [$"Nederlands {d}"] : [])
                .Concat(r.RaisesEducationTo is { } e ? [Dutch.Education(e)] : []);
    }

    private double? SuccessOf(Candidate candidate, IReadOnlyList<AdviceStep> steps)
    {
        var routes = steps.Select(s => s.Route).OfType<LeerwerkRoute>().ToArray();
        return routes.Length == 0 ? null : leerwerk.SuccessProbability(candidate, new LeerwerkPath(routes, [], [], false));
    }

    /// <summary>The vacancy's text as BM25 clauses, analysed once per model version and store revision.</summary>
    private IReadOnlyList<Bm25Disjunction.Clause> TextOf(PreparedVacancy vacancy) => _texts.GetOrAdd(vacancy.Vacancy.Id, _ =>
        catalog.Index.CandidateTextClauses(CandidateQuery.ForVacancy(vacancy.Vacancy, 1).Text));

    private float Bm25Of(PreparedVacancy vacancy, Candidate candidate) =>
        catalog.Index.ScoreCandidates(new ShortlistFilters([candidate.Region]).QueryFor(vacancy.Vacancy).Text, [candidate.Id]).GetValueOrDefault(candidate.Id);

    private Candidate Consenting(string id) =>
        catalog.Store.GetCandidate(id) is { ConsentMatching: true } c ? c : throw new RecordNotFoundException(EntityKind.Candidate, id);

    private PreparedVacancy Prepared(string id)
    {
        var vacancy = catalog.Store.GetVacancy(id) ?? throw new RecordNotFoundException(EntityKind.Vacancy, id);
        return new PreparedVacancy(vacancy, catalog.Store.GetEmployer(vacancy.EmployerId));
    }
}
