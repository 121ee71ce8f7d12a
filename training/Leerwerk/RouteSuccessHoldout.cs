using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Leerwerk;
using MatchEngine.Engine.Risk;

namespace MatchEngine.Training.Leerwerk;

/// <summary>One placement with a leerwerk route and a known one-year outcome: the candidate, start, features (<see cref="RouteSuccessFeatures.Names"/>) and label.</summary>
public sealed record RouteSuccessRow(string CandidateId, string RouteId, DateOnly Start, double[] Features, bool Label);

/// <summary>
/// The route-success data and its time split, shared by training, reports, <c>matchengine evaluate</c> and export:
/// placements of consenting candidates with a route whose one-year outcome is known on the as-of day, ordered by
/// start, the earlier 80% to train on, the rest held out. Immutable by convention.
/// </summary>
public sealed record RouteSuccessHoldout(DateOnly AsOf, IReadOnlyList<RouteSuccessRow> Train, IReadOnlyList<RouteSuccessRow> Test)
{
    /// <summary>Share of the rows (by start) in the training part.</summary>
    public const double TrainShare = 0.8;

    /// <summary>Every row known on <paramref name="asOf"/> (null: the latest observation), ordered by start.</summary>
    public static (DateOnly Day, IReadOnlyList<RouteSuccessRow> Rows) Rows(CatalogService catalog, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var day = asOf ?? HerinstroomDataset.LatestObservation(catalog.Store) ?? throw new InvalidOperationException("de store heeft geen plaatsingen; importeer eerst een datamap");
        var routes = catalog.Store.Routes().ToDictionary(r => r.Id);
        var rows = new List<RouteSuccessRow>();
        foreach (var p in catalog.Store.Placements())
        {
            if (p.RouteId is null || !routes.TryGetValue(p.RouteId, out var route)) continue;
            if (RouteSuccessFeatures.Outcome(p, route, day) is not { } label) continue;
            if (catalog.Store.GetCandidate(p.CandidateId) is not { ConsentMatching: true } candidate) continue;
            rows.Add(new RouteSuccessRow(candidate.Id, route.Id, p.Start, RouteSuccessFeatures.Of(candidate, route, p.Instruments.Contains(Instrument.Jobcoach)), label));
        }
        return (day, [.. rows.OrderBy(r => r.Start)]);
    }

    /// <summary>The split; fewer than 50 rows or only one kind of outcome is an <see cref="InvalidOperationException"/>.</summary>
    public static RouteSuccessHoldout Build(CatalogService catalog, DateOnly? asOf)
    {
        var (day, rows) = Rows(catalog, asOf);
        if (rows.Count < 50 || rows.All(r => r.Label) || rows.All(r => !r.Label))
            throw new InvalidOperationException(
                $"slechts {Dutch.Count(rows.Count, "plaatsing", "plaatsingen")} met een leerwerkroute en een bekende uitkomst na een jaar; er zijn er van beide soorten minstens 50 nodig");
        var cut = (int)(rows.Count * TrainShare);
        return new RouteSuccessHoldout(day, [.. rows.Take(cut)], [.. rows.Skip(cut)]);
    }
}
