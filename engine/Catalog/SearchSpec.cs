using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Index;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// A catalog search as the CLI and gRPC ask it: free text with region (candidates), a point and radius,
/// an hour range and a date (candidates: available by; vacancies: open on). <see cref="Top"/> is 1–1000. An empty text
/// searches by the other conditions alone; a text must hold at least one word the index can search for.
/// </summary>
public sealed record SearchSpec(EntityKind Kind, string Text, IReadOnlyList<string> Regions, GeoPoint? Near, double? Km, double? HoursMin, double? HoursMax, DateOnly? Date, int Top)
{
    /// <summary>The largest <see cref="Top"/> allowed.</summary>
    public const int MaxTop = 1000;

    /// <summary>Runs the search on <paramref name="index"/>; invalid arguments throw <see cref="InvalidRequestException"/>.</summary>
    public IReadOnlyList<SearchHit> Run(LuceneCatalogIndex index)
    {
        if (Limit.Between(1, MaxTop).Grouped().Refusal(Top) is { } top) throw new InvalidRequestException("top", top);
        if (Km is { } km && !(double.IsFinite(km) && km > 0)) throw new InvalidRequestException("km",
            $"moet een eindig getal > 0 zijn, niet {Dutch.Exact(km)}");
        if (HoursMin is { } min && !double.IsFinite(min)) throw new InvalidRequestException("hours_min", "moet een eindig getal zijn");
        if (HoursMax is { } max && !double.IsFinite(max)) throw new InvalidRequestException("hours_max", "moet een eindig getal zijn");
        if (Km is not null && Near is null) throw new InvalidRequestException("near", "een straal heeft een punt nodig om omheen te zoeken");
        if (Near is { } p && !GeoPoint.InNetherlands(p.Lat, p.Lon)) throw new InvalidRequestException("near", "moet in Nederland liggen");
        if (HoursMin > HoursMax) throw new InvalidRequestException("hours_min", "is groter dan hours_max");
        // An empty text lists by the other conditions; a text without a word to search for must not do the same.
        if (!string.IsNullOrWhiteSpace(Text) && !index.HasSearchWords(Text)) throw new InvalidRequestException("text",
            "bevat geen woord om op te zoeken (alleen leestekens, veelvoorkomende woorden als 'de' of 'en', of een woord van meer dan 255 tekens)");
        return Kind switch
        {
            EntityKind.Candidate => index.Search(new CandidateQuery
            {
                Text = Text, Regions = Regions, Near = Near, RadiusKm = Km ?? 25, HoursMin = HoursMin, HoursMax = HoursMax, AvailableBy = Date, Top = Top,
            }),
            EntityKind.Vacancy => Regions.Count == 0
                ? index.Search(new VacancyQuery { Text = Text, Near = Near, RadiusKm = Km ?? 25, HoursMin = HoursMin, HoursMax = HoursMax, OpenOn = Date, Top = Top })
                : throw new InvalidRequestException("region", "vacatures hebben geen regio; zoek in plaats daarvan rond een punt"),
            _ => throw new InvalidRequestException("type", "moet candidates of vacancies zijn"),
        };
    }
}
