using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Risk;
using MatchEngine.Engine.Store;
using MatchEngine.Models.Herinstroom;

namespace MatchEngine.Training.Herinstroom;

/// <summary>
/// The herinstroom time split, for training runs, reports, export and <c>matchengine evaluate</c> alike:
/// placements of consenting candidates observed on the as-of day (default the latest observation), ordered by
/// start and split by <see cref="Split"/>. Immutable by convention (arrays are never written).
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
        var day = asOf ?? HerinstroomDataset.LatestObservation(store) ?? throw new InvalidOperationException("de store heeft geen plaatsingen; importeer eerst een datamap");
        var observed = HerinstroomDataset.Cases(store)
            .Select(c => (Case: c, Obs: SurvivalObservation.Of(c.Placement, day)))
            .Where(x => x.Obs is not null)
            .Select(x => (x.Case, Obs: x.Obs!.Value))
            .OrderBy(x => x.Case.Placement.Start).ThenBy(x => x.Case.Placement.Id, StringComparer.Ordinal)
            .ToArray();
        if (observed.Length < 50) throw new InvalidOperationException(
            $"slechts {Dutch.Count(observed.Length, "plaatsing", "plaatsingen")} begonnen op of voor {Dutch.Date(day)}; er zijn er minstens 50 nodig om te trainen en te evalueren");
        var (train, test, split) = Split(observed, day, trainShare);
        return new HerinstroomHoldout(day, split, train, test);
    }

    /// <summary>
    /// The time split: placements that started at least <see cref="HerinstroomHorizons.Evaluation"/> months
    /// before <paramref name="day"/> (so each held-out placement could be followed for the whole horizon),
    /// the earlier <paramref name="trainShare"/> of them for training and the rest held out. Placements
    /// started later are in neither: their 12-month outcome is not known yet, and a held-out set of mostly
    /// short follow-ups made the Kaplan–Meier risk per decile rest on a few placements. When fewer than 50
    /// placements have the full follow-up, the split falls back to all placements (the run's notes say which).
    /// </summary>
    private static ((HerinstroomCase Case, SurvivalObservation Obs)[] Train, (HerinstroomCase Case, SurvivalObservation Obs)[] Test, DateOnly SplitDate) Split(
        (HerinstroomCase Case, SurvivalObservation Obs)[] byStart, DateOnly day, double trainShare)
    {
        var followedUp = day.AddMonths(-(int)HerinstroomHorizons.Evaluation);
        var eligible = byStart.Where(x => x.Case.Placement.Start <= followedUp).ToArray();
        if (eligible.Length < 50) eligible = byStart;
        var split = eligible[(int)(eligible.Length * trainShare)].Case.Placement.Start;
        return (eligible.Where(x => x.Case.Placement.Start < split).ToArray(), eligible.Where(x => x.Case.Placement.Start >= split).ToArray(), split);
    }
}
