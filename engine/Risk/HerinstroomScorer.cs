using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;
using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;

namespace MatchEngine.Engine.Risk;

/// <summary>
/// Scores herinstroom risk with the promoted model (hot-swapped through <see cref="PromotedModel{T}"/>)
/// and builds the nazorg worklist. Scoring is batched (one model call for all placements), so 100,000
/// placements score in well under a second of model time. Placements of candidates without consent are
/// treated as unknown. Thread-safe: each call takes the current model once.
/// </summary>
public sealed class HerinstroomScorer(ICatalogStore store, PromotedModel<HerinstroomModel> model)
{
    /// <summary>The nazorg window: the worklist ranks by the risk of herinstroom in the coming 6 months.</summary>
    public const double NazorgWindowMonths = 6;

    /// <summary>Factors reported per placement.</summary>
    public const int FactorCount = 3;

    private static readonly string[] NotSuggested = ["proefplaatsing"];

    /// <summary>The promoted model and its manifest; <see cref="PreconditionFailedException"/> when none is trained.</summary>
    public (HerinstroomModel Model, ModelManifest Manifest) Current()
    {
        if (model.Current is { } loaded) return loaded;
        model.Refresh();
        return model.Current ?? throw new PreconditionFailedException(NotPromoted.Explain(model.Registry, model.Name, "herinstroommodel",
            "train er een met `matchengine train herinstroom --data DIR` (of via de Models-service)"));
    }

    /// <summary>Risks at 6, 12 and 24 months since the start for each case, in input order.</summary>
    public IReadOnlyList<double[]> Score(IReadOnlyList<HerinstroomCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var curves = Current().Model.Risk.Predict([.. cases.Select(c => c.Features)]);
        return [.. curves.Select(AtHorizons)];
    }

    /// <summary>Every active placement (see <see cref="HerinstroomDataset.IsActive"/>) of a consenting candidate on <paramref name="asOf"/>, scored, ordered by placement id.</summary>
    public IReadOnlyList<(HerinstroomCase Case, double[] Risks)> ScoreActive(DateOnly asOf)
    {
        var active = HerinstroomDataset.Cases(store).Where(c => HerinstroomDataset.IsActive(c.Placement, asOf)).ToArray();
        var risks = Score(active);
        return [.. active.Select((c, i) => (c, risks[i]))];
    }

    /// <summary>The risks, factors and instrument suggestions of one placement ("leerwerkroute afronden" only while a route runs); <see cref="RecordNotFoundException"/> when unknown or the candidate
    /// has no consent.</summary>
    public HerinstroomScore ScoreHerinstroom(string placementId)
    {
        RequiredId.Of(placementId, "placement_id");
        var placement = store.GetPlacement(placementId) ?? throw new RecordNotFoundException(EntityKind.Placement, placementId);
        var candidate = store.GetCandidate(placement.CandidateId);
        if (candidate is not { ConsentMatching: true }) throw new RecordNotFoundException(EntityKind.Placement, placementId);
        var (loaded, manifest) = Current();
        var features = HerinstroomFeatures.Of(placement, candidate);
        var risks = AtHorizons(loaded.Risk.Predict([features])[0]);
        return new HerinstroomScore(placement.Id, risks[0], risks[1], risks[2], Factors(loaded.Explainer, features), Suggestions(loaded.Explainer, features),
            manifest.Version, manifest.Kind);
    }

    /// <summary>
    /// The nazorg worklist of <paramref name="region"/> on <paramref name="asOf"/>: active placements of
    /// consenting candidates in the region, ordered by conditional 6-month risk (highest first, ties by
    /// placement id), at most <paramref name="capacity"/> (≥ 1) entries.
    /// </summary>
    public IReadOnlyList<NazorgEntry> NazorgWorklist(string region, DateOnly asOf, int capacity)
    {
        if (string.IsNullOrWhiteSpace(region)) throw new InvalidRequestException("region", "ontbreekt");
        if (capacity < 1) throw new InvalidRequestException("capacity", "moet minstens 1 zijn");
        var (loaded, _) = Current();
        var active = HerinstroomDataset.Cases(store, c => c.Region == region).Where(c => HerinstroomDataset.IsActive(c.Placement, asOf)).ToArray();
        var curves = loaded.Risk.Predict([.. active.Select(c => c.Features)]);
        return [.. active
            .Select((c, i) => (Case: c, Months: c.MonthsSinceStart(asOf), Risk: curves[i].Conditional(c.MonthsSinceStart(asOf), NazorgWindowMonths)))
            .OrderByDescending(x => x.Risk).ThenBy(x => x.Case.Placement.Id, StringComparer.Ordinal)
            .Take(capacity)
            .Select(x => new NazorgEntry(x.Case.Placement.Id, x.Case.Candidate.Id, x.Case.Placement.EmployerId,
                store.EmployerName(x.Case.Placement.EmployerId), x.Months, x.Risk, Factors(loaded.Explainer, x.Case.Features),
                x.Case.Placement.Instruments.Contains(Instrument.Jobcoach), x.Case.Placement.RouteId is not null && x.Case.Placement.RouteCompleted is null))];
    }

    /// <summary>Up to <see cref="FactorCount"/> Cox factors that raise the risk most, largest first.</summary>
    public static IReadOnlyList<HerinstroomFactor> Factors(CoxRiskModel explainer, double[] features)
    {
        ArgumentNullException.ThrowIfNull(explainer);
        return [.. explainer.Contributions(features)
            .Select((c, j) => (c, j))
            .Where(x => x.c.Contribution > 1e-9)
            .OrderByDescending(x => x.c.Contribution).ThenBy(x => x.j)
            .Take(FactorCount)
            .Select(x => new HerinstroomFactor(x.c.Term, HerinstroomWords.Describe(x.c.Term, x.c.Value, explainer.Means[x.j]), x.c.Value, x.c.Contribution))];
    }

    private static IReadOnlyList<InstrumentSuggestion> Suggestions(CoxRiskModel explainer, double[] features) =>
        [.. HerinstroomWords.Instruments
            .Where(i => !NotSuggested.Contains(i.Key))
            .Select(i => (i, Coef: explainer.Coefficient(i.Key), Value: features[IndexOf(i.Key)]))
            .Where(x => x.Coef < 0 && x.Value < 1 && (x.i.Key != "route_completed" || x.Value > 0))
            .OrderBy(x => x.Coef)
            .Select(x => new InstrumentSuggestion(x.i.Key, x.i.Value, Math.Exp(x.Coef!.Value)))];

    private static int IndexOf(string feature)
    {
        for (var i = 0; i < HerinstroomFeatures.Names.Count; i++) if (HerinstroomFeatures.Names[i] == feature) return i;
        throw new InvalidOperationException($"unknown herinstroom feature '{feature}'");
    }

    private static double[] AtHorizons(RiskCurve curve) => [.. HerinstroomHorizons.Months.Select(curve.At)];
}
