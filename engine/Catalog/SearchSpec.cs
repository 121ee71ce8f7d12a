using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// A catalog search as the CLI and gRPC ask it: free text with region (candidates), a point and radius,
/// an hour range and a date (candidates: available by; vacancies: open on). <see cref="Top"/> is 1–1000.
/// </summary>
public sealed record SearchSpec(EntityKind Kind, string Text, IReadOnlyList<string> Regions, GeoPoint? Near, double? Km, double? HoursMin, double? HoursMax, DateOnly? Date, int Top)
{
    /// <summary>The largest <see cref="Top"/> allowed.</summary>
    public const int MaxTop = 1000;

    /// <summary>Runs the search on <paramref name="index"/>; invalid arguments throw <see cref="InvalidRequestException"/>.</summary>
    public IReadOnlyList<SearchHit> Run(LuceneCatalogIndex index)
    {
        if (Top is < 1 or > MaxTop) throw new InvalidRequestException("top", $"must be 1-{MaxTop}, got {Top}");
        if (Km is { } km && !(double.IsFinite(km) && km > 0)) throw new InvalidRequestException("km", $"must be a finite number > 0, got {km}");
        if (HoursMin is { } min && !double.IsFinite(min)) throw new InvalidRequestException("hours_min", "must be a finite number");
        if (HoursMax is { } max && !double.IsFinite(max)) throw new InvalidRequestException("hours_max", "must be a finite number");
        if (Km is not null && Near is null) throw new InvalidRequestException("near", "a radius needs a point to search around");
        if (Near is { } p && !GeoPoint.InNetherlands(p.Lat, p.Lon)) throw new InvalidRequestException("near", "must lie inside the Netherlands");
        if (HoursMin > HoursMax) throw new InvalidRequestException("hours_min", "is above hours_max");
        return Kind switch
        {
            EntityKind.Candidate => index.Search(new CandidateQuery
            {
                Text = Text, Regions = Regions, Near = Near, RadiusKm = Km ?? 25, HoursMin = HoursMin, HoursMax = HoursMax, AvailableBy = Date, Top = Top,
            }),
            EntityKind.Vacancy => Regions.Count == 0
                ? index.Search(new VacancyQuery { Text = Text, Near = Near, RadiusKm = Km ?? 25, HoursMin = HoursMin, HoursMax = HoursMax, OpenOn = Date, Top = Top })
                : throw new InvalidRequestException("region", "vacancies have no region; search near a point instead"),
            _ => throw new InvalidRequestException("type", "must be candidates or vacancies"),
        };
    }
}
