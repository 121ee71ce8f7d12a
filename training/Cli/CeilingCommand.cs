using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Fairness;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine ceiling [--as-of DATE] [--seed N] [--truth additive|stepped|gated] [--clean-labels FILE] [--fair-exposure ATTRIBUTE[:SHARE]]</c>:
/// on a synthetic region, (1) the NDCG@5/@10 and MAP of ranking the
/// ranker's held-out logged proposals by the generator's hidden truth — the ceiling to read <c>train ranker</c>'s
/// logged-proposal table against; (2) over the whole pool of the held-out vacancies with an outcome, each model's NDCG@10
/// against the truth (<see cref="TruthGains"/>: expected gains, where the truth's own ranking of the whole pool scores 1,
/// and outcomes drawn for the whole pool, where it scores below 1) next to its
/// whole-pool metrics on the recorded outcomes. Models: the truth through shortlist retrieval, the promoted ranker, the
/// newest saved version of each learned variant, the logistic baseline (its newest saved version, or trained here on the same pairs, seeded, when none is saved), BM25 and
/// the rule. The last stdout line is JSON. On a region written with <c>synth --messy</c>, <c>--clean-labels</c> names its
/// answer key (<c>messy-labels.jsonl</c>) so the truth is the generator's, computed on the labels it drew, not on what was typed.
/// The truth's shape is the one the region was made with, from the <c>synth.json</c> that <c>import</c> keeps in the data
/// directory; <c>--truth</c> may repeat it, not contradict it, and names it for a region imported without that file.
/// </summary>
public sealed class CeilingCommand : ICommand
{
    public string Verb => "ceiling";
    public string Usage =>
        "ceiling [--as-of YYYY-MM-DD] [--seed N] " + TruthOption.Usage + " [--clean-labels FILE] [--fair-exposure ATTRIBUTE[:SHARE]]   " +
        "(alleen synthetische regio's: de NDCG van de verborgen waarheid op het achtergehouden deel van de ranker, en daartegen de NDCG@10 van elk model over de hele pool; " +
        "met --fair-exposure ook de gepromoveerde ranker eerlijk herschikt, en per groep de blootstellingsverhouding van geschikte kandidaten, met en zonder)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var shape = Shape(args, context);
        using var catalog = CatalogService.Open(context.Layout, context.Time);
        try
        {
            var holdout = RankerHoldout.Build(catalog, new CandidatePool(catalog.Store), args.GetDate("as-of"), context.Error);
            var truthLabels = args.Get("clean-labels") is { } file
                ? File.Exists(file) ? RewrittenLabelFile.Restorer(RewrittenLabelFile.Read(file)) : throw new CliFailureException($"bestand bestaat niet: {file}")
                : null;
            var (oracle, testGroups, split) = RankingCeiling.Measure(catalog, holdout.All, shape, truthLabels);
            context.Error.WriteLine($"ceiling: the truth's gains of every consenting candidate for {holdout.WholePool.Groups.Count} held-out vacancies …");
            var truth = new TruthGains(catalog, holdout.WholePool, shape, truthLabels);
            var registry = new ModelRegistry(context.Layout.ModelsPath, context.Time);
            var scorers = new List<(string Name, string? Version, Func<WholePoolGroup, IReadOnlyList<double>> Score)>
            {
                ("truth", null, g => [.. g.CandidateIds.Select(id => truth.Of(g.Logged.Vacancy.Id, id))]),
            };
            Dictionary<string, object>? chance = null;
            if (registry.Promoted(RankerModels.Name) is { } promoted && registry.Get(promoted) is { } manifest && manifest.Features.SequenceEqual(PairFeatures.Names))
            {
                scorers.Add(("promoted", promoted, Scores(RankerScorer.Of("promoted", promoted, RankerModels.Load(manifest, registry.DirectoryOf(promoted))))));
                if (ChanceCalibration.Of(manifest) is { } calibration)
                    chance = WholePoolChance.Against(truth, holdout.WholePool, scorers[^1].Score, calibration);
            }
            foreach (var newest in registry.List(RankerModels.Name).Where(m => m.Features.SequenceEqual(PairFeatures.Names))
                         .GroupBy(RankerVariant.Of).Select(g => g.OrderBy(m => m.Version, StringComparer.Ordinal).Last()).OrderBy(RankerVariant.Of, StringComparer.Ordinal))
                scorers.Add((RankerVariant.Of(newest), newest.Version, Scores(RankerScorer.Of(RankerVariant.Of(newest), newest.Version, RankerModels.Load(newest,
                    registry.DirectoryOf(newest.Version))))));
            if (scorers.All(s => s.Name != RankerVariant.Of(RankerKind.Logistic, false)))
            {
                var logistic = RankerTrainer.Train(RankerKind.Logistic, [.. holdout.Train.SelectMany(g => g.Rows())], PairFeatures.Names, new RankerOptions(Seed: args.GetInt("seed", 42)));
                scorers.Add(("logistic", null, Scores(RankerScorer.Of("logistic", null, logistic))));
            }
            var candidates = new CandidatePool(catalog.Store).Snapshot();
            var fair = args.Get("fair-exposure") is { } text ? ParseFairExposure(text) : null;
            Dictionary<string, object>? fairness = null;
            if (fair is not null && scorers.FirstOrDefault(s => s.Name == "promoted") is { Score: not null } served)
            {
                Func<WholePoolGroup, IReadOnlyList<double>> reranked = g => FairRerankingEffect.Reranked(g, served.Score(g), candidates, fair);
                scorers.Add(("promoted+fair", served.Version, reranked));
                var before = FairRerankingEffect.QualifiedExposure(holdout.WholePool, served.Score, candidates, fair.Attribute);
                var after = FairRerankingEffect.QualifiedExposure(holdout.WholePool, reranked, candidates, fair.Attribute);
                fairness = new Dictionary<string, object>
                {
                    ["attribute"] = fair.Attribute, ["share"] = fair.Share, ["method"] = "DetGreedy (Geyik et al. 2019), lower bounds rounded up from half a place",
                    ["qualified_exposure_before"] = before.ToDictionary(x => x.Key, x => (object?)(double.IsNaN(x.Value) ? null : Math.Round(x.Value, 4))),
                    ["qualified_exposure_after"] = after.ToDictionary(x => x.Key, x => (object?)(double.IsNaN(x.Value) ? null : Math.Round(x.Value, 4))),
                };
            }
            else if (fair is not null)
            {
                throw new CliFailureException("--fair-exposure herschikt de gepromoveerde ranker, en er is geen ranker gepromoveerd");
            }
            scorers.Add(("bm25", null, Scores(RankerScorer.Bm25)));
            scorers.Add(("rule", null, Scores(RankerScorer.Rule)));

            var wholePool = scorers.ToDictionary(s => s.Name, s =>
            {
                var outcomes = WholePoolMetrics.Compute(holdout.WholePool.Groups.Select(g =>
                {
                    var score = s.Score(g);
                    return ((IReadOnlyList<int>)[.. Enumerable.Range(0, score.Count).OrderByDescending(i => score[i]).ThenBy(i => i).Select(i => g.Labels[i])], g.Missed);
                }));
                return (object)new Dictionary<string, object?>
                {
                    ["version"] = s.Version,
                    ["truth_ndcg@10"] = Math.Round(truth.Ndcg10(holdout.WholePool, s.Score), 4),
                    ["truth_sampled_ndcg@10"] = Math.Round(truth.SampledNdcg10(holdout.WholePool, s.Score), 4),
                }.Concat(outcomes.ToDictionary().Select(x => new KeyValuePair<string, object?>(x.Key["whole_pool.".Length..], Math.Round(x.Value, 4)))).ToDictionary();
            });
            context.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["truth_shape"] = TruthOption.Name(shape),
                ["split_date"] = split.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["test_groups"] = testGroups,
                ["oracle"] = oracle.ToDictionary(),
                ["whole_pool_groups"] = holdout.WholePool.Groups.Count,
                ["whole_pool_retrieval_recall"] = Math.Round(holdout.WholePool.RetrievalRecall, 4),
                ["whole_pool"] = wholePool,
            }.Concat(fairness is null ? [] : [new KeyValuePair<string, object>("fair_reranking", fairness)])
             .Concat(chance is null ? [] : [new KeyValuePair<string, object>("promoted_chance", chance)]).ToDictionary()));
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (InvalidOperationException e)
        {
            throw new CliFailureException(e.Message);
        }
    }

    /// <summary>The truth to grade by (<see cref="TruthOption.For"/>), said on stderr with where it came from.</summary>
    private static TruthShape Shape(CliArgs args, CliContext context)
    {
        SynthSettings? recorded;
        try
        {
            recorded = SynthSettings.Read(context.Layout.Root);
        }
        catch (InvalidDataException e)
        {
            throw new CliFailureException(e.Message);
        }
        var shape = TruthOption.For(args, recorded?.Truth);
        var source = recorded is not null ? $"the region's {SynthSettings.FileName}"
            : args.Has("truth") ? "--truth" : $"the default: no {SynthSettings.FileName} in the data directory";
        context.Error.WriteLine($"ceiling: grading by the {TruthOption.Name(shape)} truth ({source})");
        return shape;
    }

    private static Func<WholePoolGroup, IReadOnlyList<double>> Scores(RankerScorer scorer) => g => scorer.Score(g.Features);

    private static FairExposure ParseFairExposure(string text)
    {
        try
        {
            return FairExposure.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"--{e.Message}");
        }
    }

}
