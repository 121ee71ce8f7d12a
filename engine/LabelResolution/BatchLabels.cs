using System.Diagnostics;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.LabelResolution;

/// <summary>
/// Resolves the labels of the candidates of a batch about to be written, against the catalogue of the store and the
/// batch together (a folder's vacancies count for its own candidates). Both write paths — folder import and catalog
/// upserts — call it just before the store write, so every stored candidate carries its resolved labels.
/// </summary>
public static class BatchLabels
{
    /// <summary>Replaces every candidate of <paramref name="batch"/> by its resolved form; returns the time it took.</summary>
    public static TimeSpan Resolve(CatalogBatch batch, ICatalogStore store, LabelSources sources)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(store);
        if (batch.Candidates.Count == 0) return TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        var catalogue = LabelCatalogue.Of(sources.Vocabulary, store.Vacancies().Concat(batch.Vacancies), store.Routes().Concat(batch.Routes));
        var resolver = new CandidateLabelResolver(catalogue, sources);
        resolver.Prepare(batch.Candidates);
        for (var i = 0; i < batch.Candidates.Count; i++) batch.Candidates[i] = resolver.Resolve(batch.Candidates[i]);
        return watch.Elapsed;
    }
}
