using MatchEngine.Engine.Risk;
using MatchEngine.Engine.Store;

namespace MatchEngine.Training.Herinstroom;

/// <summary>
/// The herinstroom held-out data for reports, export and <c>matchengine evaluate</c>: placements of consenting
/// candidates observed on the as-of day (default the latest observation), ordered by start and split by the run's
/// own <c>HerinstroomTrainingRun.Split</c> (a test checks the sizes and split date equal a run's). Immutable by
/// convention (arrays are never written).
/// </summary>
public sealed record HerinstroomHoldout(DateOnly AsOf, DateOnly SplitDate, IReadOnlyList<(HerinstroomCase Case, SurvivalObservation Obs)> Train,
    IReadOnlyList<(HerinstroomCase Case, SurvivalObservation Obs)> Test)
{
    /// <summary>Held-out feature vectors.</summary>
    public double[][] TestX => [.. Test.Select(x => x.Case.Features)];

    /// <summary>Held-out months to herinstroom or censoring.</summary>
    public double[] TestTime => [.. Test.Select(x => x.Obs.Months)];

    /// <summary>Held-out herinstroom flags.</summary>
    public bool[] TestEvent => [.. Test.Select(x => x.Obs.Event)];

    /// <summary>Splits the store's placements as known on <paramref name="asOf"/>; too little data is an <see cref="InvalidOperationException"/>.</summary>
    public static HerinstroomHoldout Build(ICatalogStore store, DateOnly? asOf, double trainShare = 0.8)
    {
        var day = asOf ?? HerinstroomDataset.LatestObservation(store) ?? throw new InvalidOperationException("the store has no placements; import a data folder first");
        var observed = HerinstroomDataset.Cases(store)
            .Select(c => (Case: c, Obs: SurvivalObservation.Of(c.Placement, day)))
            .Where(x => x.Obs is not null)
            .Select(x => (x.Case, Obs: x.Obs!.Value))
            .OrderBy(x => x.Case.Placement.Start).ThenBy(x => x.Case.Placement.Id, StringComparer.Ordinal)
            .ToArray();
        if (observed.Length < 50) throw new InvalidOperationException($"only {observed.Length} placements started by {day:yyyy-MM-dd}; at least 50 are needed to evaluate");
        var (train, test, split) = HerinstroomTrainingRun.Split(observed, day, trainShare);
        return new HerinstroomHoldout(day, split, train, test);
    }
}
