using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Training.Progress;

namespace MatchEngine.Training.Ranking;

/// <summary>
/// The ranker's held-out data, shared by training, reports, export and <c>matchengine evaluate</c>: the time split of
/// <see cref="RankingDataset.TimeSplit"/> (vacancies by first event, the earlier 80% to train on, the later 20% held out). The held-out
/// groups come twice: as logged (the candidates actually proposed, whose outcomes are known) and widened with
/// up to <see cref="ExtraNegatives"/> retrieved candidates that were never proposed (label 0), as a shortlist
/// would face them. The held-out vacancies with an outcome also come as serving sees them, over the whole consenting pool
/// (<see cref="WholePool"/>). Immutable.
/// </summary>
public sealed record RankerHoldout(DateOnly SplitDate, IReadOnlyList<RankingGroup> All, IReadOnlyList<RankingGroup> Train, IReadOnlyList<RankingGroup> Test, IReadOnlyList<RankingGroup> Widened)
{
    /// <summary>The held-out vacancies with an outcome, ranked over the whole pool; empty when built without it.</summary>
    public WholePool WholePool { get; init; } = new([]);

    /// <summary>Unproposed candidates added to each held-out group.</summary>
    public const int ExtraNegatives = 100;

    /// <summary>Builds the dataset as known on <paramref name="asOf"/> (null: all of it) and splits it; fewer than 10 vacancies is an <see cref="InvalidOperationException"/>.</summary>
    public static RankerHoldout Build(CatalogService catalog, CandidatePool pool, DateOnly? asOf, TextWriter progress, bool withWholePool = true)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        RankingGroup[] groups;
        ProgressLine? line = null;
        try
        {
            groups = [.. RankingDataset.Build(catalog, pool, asOf, (_, total) => (line ??= new ProgressLine(progress, "ranker: building the dataset from the match history", total)).Advance())];
        }
        finally
        {
            line?.Dispose();
        }
        var (train, test, split) = RankingDataset.TimeSplit(groups);
        var widened = new RankingGroup[test.Length];
        using (var widening = new ProgressLine(progress, "ranker: retrieving unproposed candidates for the held-out vacancies", test.Length))
        {
            for (var i = 0; i < test.Length; i++)
            {
                widened[i] = Widen(catalog, pool, test[i]);
                widening.Advance();
            }
        }
        return new RankerHoldout(split, [.. groups.OrderBy(g => g.Date).ThenBy(g => g.Vacancy.Id, StringComparer.Ordinal)], train, test, widened)
        {
            WholePool = withWholePool ? WholePool.Build(catalog, pool, test, progress) : new WholePool([]),
        };
    }

    /// <summary>Adds up to <see cref="ExtraNegatives"/> retrieved candidates that were never proposed, as label 0.</summary>
    private static RankingGroup Widen(CatalogService catalog, CandidatePool pool, RankingGroup g)
    {
        var query = CandidateQuery.ForVacancy(g.Vacancy, ExtraNegatives + g.CandidateIds.Count) with { AvailableBy = null };
        var known = g.CandidateIds.ToHashSet(StringComparer.Ordinal);
        var candidates = pool.Snapshot();
        var extra = catalog.Index.Search(query).Where(h => !known.Contains(h.Id)).Take(ExtraNegatives)
            .Select(h => (h, candidates.GetValueOrDefault(h.Id))).Where(x => x.Item2 is not null).ToArray();
        var prepared = new PreparedVacancy(g.Vacancy, catalog.Store.GetEmployer(g.Vacancy.EmployerId));
        return g with
        {
            CandidateIds = g.CandidateIds.Concat(extra.Select(x => x.h.Id)).ToArray(),
            Labels = g.Labels.Concat(extra.Select(_ => 0)).ToArray(),
            Features = g.Features.Concat(extra.Select(x => PairFeatures.Featurize(prepared, x.Item2!, x.h.Score))).ToArray(),
        };
    }
}
