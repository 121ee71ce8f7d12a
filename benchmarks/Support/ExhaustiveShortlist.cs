using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// The baseline a shortlist's retrieval is measured against: featurize every consenting candidate against the
/// vacancy (bm25 0), score them in one batch, explain the best <c>top</c>. The same steps as the exhaustive
/// method of <c>ShortlistBenchmarks</c>, shared by the newer benchmarks.
/// </summary>
internal static class ExhaustiveShortlist
{
    /// <summary>Runs it and returns the number of reasons in the explanations (so nothing is optimised away).</summary>
    public static int Run(TrainedRanker model, PreparedVacancy vacancy, IReadOnlyCollection<PreparedCandidate> pool, int top)
    {
        var candidates = pool.ToArray();
        var features = new float[candidates.Length][];
        for (var i = 0; i < candidates.Length; i++) features[i] = PairFeatures.Featurize(vacancy, candidates[i], 0);
        var scores = model.Score(features);
        var best = Enumerable.Range(0, candidates.Length).OrderByDescending(i => scores[i]).Take(top).ToArray();
        var contributions = model.Contributions(best.Select(i => features[i]).ToArray());
        var explained = 0;
        for (var k = 0; k < best.Length; k++)
            explained += Explainer.Explain(vacancy, candidates[best[k]], features[best[k]], contributions[k]).Reasons.Count;
        return explained;
    }
}
