using System.Security.Cryptography;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Training.Ranking;

/// <summary>One vacancy's labelled pairs, featurized with the serving featurizer.</summary>
public sealed record RankingGroup(Vacancy Vacancy, DateOnly Date, IReadOnlyList<string> CandidateIds, IReadOnlyList<int> Labels, IReadOnlyList<float[]> Features)
{
    public IEnumerable<RankingRow> Rows() => Labels.Select((l, i) => new RankingRow(Vacancy.Id, l, Features[i]));
}

/// <summary>
/// Builds learning-to-rank groups from the match history: per vacancy, every proposed candidate with
/// consent, labelled by the furthest stage (hired 2, invited 1, proposed only 0), featurized by
/// <see cref="PairFeatures"/> with BM25 from the same index query serving uses.
/// </summary>
public static class RankingDataset
{
    /// <summary>Builds the groups known by <paramref name="asOf"/>; <paramref name="progress"/>, when given, hears (vacancies done, vacancies in all).</summary>
    public static IReadOnlyList<RankingGroup> Build(CatalogService catalog, CandidatePool pool, DateOnly? asOf, Action<int, int>? progress = null)
    {
        var cutoff = asOf is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : DateTimeOffset.MaxValue;
        var outcomes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in catalog.Store.MatchEvents().Where(e => e.At <= cutoff))
        {
            var pairs = outcomes.TryGetValue(e.VacancyId, out var p) ? p : outcomes[e.VacancyId] = new Dictionary<string, int>(StringComparer.Ordinal);
            pairs[e.CandidateId] = Math.Max(pairs.GetValueOrDefault(e.CandidateId), LabelOf(e.Stage));
            if (!firstSeen.TryGetValue(e.VacancyId, out var at) || e.At < at) firstSeen[e.VacancyId] = e.At;
        }
        var groups = new List<RankingGroup>();
        var done = 0;
        var candidates = pool.Snapshot();
        foreach (var (vacancyId, pairs) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            progress?.Invoke(++done, outcomes.Count);
            if (catalog.Store.GetVacancy(vacancyId) is not { } vacancy) continue;
            var members = pairs.Keys.Order(StringComparer.Ordinal).Select(candidates.GetValueOrDefault).Where(c => c is not null).Select(c => c!).ToArray();
            if (members.Length < 2) continue;
            var prepared = new PreparedVacancy(vacancy, catalog.Store.GetEmployer(vacancy.EmployerId));
            var bm25 = catalog.Index.ScoreCandidates(CandidateQuery.ForVacancy(vacancy, 1).Text, members.Select(m => m.Candidate.Id).ToArray());
            groups.Add(new RankingGroup(vacancy, DateOnly.FromDateTime(firstSeen[vacancyId].Date),
                members.Select(m => m.Candidate.Id).ToArray(),
                members.Select(m => pairs[m.Candidate.Id]).ToArray(),
                members.Select(m => PairFeatures.Featurize(prepared, m, bm25.GetValueOrDefault(m.Candidate.Id))).ToArray()));
        }
        return groups;
    }

    /// <summary>
    /// The time split every ranker evaluation uses: groups in date order, the last fifth (from the date of the
    /// group at 80%) held out.
    /// </summary>
    public static (RankingGroup[] Train, RankingGroup[] Test, DateOnly SplitDate) TimeSplit(IEnumerable<RankingGroup> groups)
    {
        var ordered = groups.OrderBy(g => g.Date).ThenBy(g => g.Vacancy.Id, StringComparer.Ordinal).ToArray();
        if (ordered.Length < 10) throw new InvalidOperationException(
            $"slechts {Dutch.Count(ordered.Length, "vacature", "vacatures")} met matchgeschiedenis; er zijn er minstens 10 nodig om te trainen en te evalueren");
        var split = ordered[(int)(ordered.Length * 0.8)].Date;
        return (ordered.Where(g => g.Date < split).ToArray(), ordered.Where(g => g.Date >= split).ToArray(), split);
    }

    /// <summary>The furthest stage as a graded label; a rejection adds nothing (after an invitation the pair is already 1).</summary>
    public static int LabelOf(MatchStage stage) => stage switch
    {
        MatchStage.Hired => 2,
        MatchStage.Invited => 1,
        _ => 0,
    };

    /// <summary>SHA-256 of the rows, so a manifest names exactly the data it was trained on.</summary>
    public static string Hash(IEnumerable<RankingRow> rows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var row in rows)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(row.GroupId));
            BitConverter.TryWriteBytes(buffer, row.Label);
            sha.AppendData(buffer);
            foreach (var f in row.Features)
            {
                BitConverter.TryWriteBytes(buffer, f);
                sha.AppendData(buffer);
            }
        }
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }
}
