using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Risk;
using MatchEngine.Training.Herinstroom;
using MatchEngine.Training.Leerwerk;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Export;

/// <summary>
/// Writes a model's training set as CSV for other tools: the same rows, features and labels a training run on
/// the same as-of date uses (train and held-out part, with a <c>split</c> column), candidate, vacancy and placement
/// ids replaced by keyed pseudonyms (<see cref="Pseudonymizer"/>). Only model features are written: no protected
/// attributes (they are never features) and no free text.
/// </summary>
public sealed class TrainingSetExport(CatalogService catalog, CandidatePool pool, Pseudonymizer pseudonyms, TextWriter progress)
{
    /// <summary>Exports <paramref name="model"/> (ranker, herinstroom, leerwerk) to <paramref name="path"/>; returns the number of rows.</summary>
    public int Write(string model, string path, DateOnly? asOf) => model switch
    {
        "ranker" => Ranker(path, asOf),
        "herinstroom" => HerinstroomRows(path, asOf),
        "leerwerk" => Leerwerk(path, asOf),
        _ => throw new ArgumentException($"unknown model '{model}'", nameof(model)),
    };

    private int Ranker(string path, DateOnly? asOf)
    {
        var holdout = RankerHoldout.Build(catalog, pool, asOf, progress, withWholePool: false);
        var positions = LoggedPositions.From(catalog.Store, asOf);
        using var csv = new CsvTable(path, ["vacancy", "candidate", "split", "date", "sector", "label", "logged_position", .. PairFeatures.Names]);
        foreach (var (groups, split) in new[] { (holdout.Train, "train"), (holdout.Test, "test") })
        {
            foreach (var g in groups)
            {
                for (var i = 0; i < g.CandidateIds.Count; i++)
                {
                    var position = positions.Of(g.Vacancy.Id, g.CandidateIds[i]);
                    csv.Row([pseudonyms.Of('v', g.Vacancy.Id), pseudonyms.Of('c', g.CandidateIds[i]), split, g.Date, g.Vacancy.Sector, g.Labels[i], position is { } p ? p : "",
                        .. g.Features[i].Cast<object>()]);
                }
            }
        }
        return csv.Rows;
    }

    private int HerinstroomRows(string path, DateOnly? asOf)
    {
        var holdout = HerinstroomHoldout.Build(catalog.Store, asOf);
        using var csv = new CsvTable(path, ["placement", "candidate", "split", "start", "months", "event", .. HerinstroomFeatures.Names]);
        foreach (var (rows, split) in new[] { (holdout.Train, "train"), (holdout.Test, "test") })
            foreach (var (c, o) in rows)
                csv.Row([pseudonyms.Of('p', c.Placement.Id), pseudonyms.Of('c', c.Candidate.Id), split, c.Placement.Start, o.Months, o.Event, .. c.Features.Cast<object>()]);
        return csv.Rows;
    }

    private int Leerwerk(string path, DateOnly? asOf)
    {
        var holdout = RouteSuccessHoldout.Build(catalog, asOf);
        using var csv = new CsvTable(path, ["candidate", "route", "split", "start", "label", .. Engine.Leerwerk.RouteSuccessFeatures.Names]);
        foreach (var (rows, split) in new[] { (holdout.Train, "train"), (holdout.Test, "test") })
            foreach (var r in rows)
                csv.Row([pseudonyms.Of('c', r.CandidateId), r.RouteId, split, r.Start, r.Label, .. r.Features.Cast<object>()]);
        return csv.Rows;
    }
}
