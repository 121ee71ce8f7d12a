using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine search "text" [--type candidates|vacancies] [--region R] [--near LAT,LON --km K]
/// [--hours MIN-MAX] [--date YYYY-MM-DD] [--top N] --json</c>.
/// </summary>
public sealed class SearchCommand : ICommand
{
    public string Verb => "search";
    public string Usage => "search \"text\" [--type candidates|vacancies] [--region R] [--near LAT,LON --km K] [--hours MIN-MAX] [--date D] [--top N] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };
    /// <summary>The words to search for, joined.</summary>
    public int MaxArguments => int.MaxValue;

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var text = string.Join(" ", args.Positional);
        // Without words there is nothing to rank by, and the hits would be whichever records the index holds first.
        if (string.IsNullOrWhiteSpace(text)) throw new CliUsageException("geef de woorden waarop u wilt zoeken, bijvoorbeeld search \"heftruck\" --type vacancies");
        var kind = args.Get("type", "candidates") switch
        {
            "candidates" => EntityKind.Candidate,
            "vacancies" => EntityKind.Vacancy,
            var other => throw new CliUsageException($"--type moet candidates of vacancies zijn, niet '{other}'"),
        };
        var (hoursMin, hoursMax) = ParseHours(args.Get("hours"));
        var spec = new SearchSpec(kind, text, [], ParsePoint(args.Get("near")), args.Has("km") ? args.GetDouble("km", 0) : null,
            hoursMin, hoursMax, args.GetDate("date"), args.GetInt("top", CatalogReads.DefaultSearchTop));
        using var session = PolicySession.Open(context);
        var hits = await PolicySession.RunAsync(() => new CatalogReads(session.Catalog).SearchAsync(session.Scope(Verb), spec, args.Get("region")));
        if (args.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new { type = args.Get("type", "candidates"), hits = hits.Select(h => new { id = h.Id, score = h.Score }) }));
        }
        else
        {
            foreach (var h in hits) context.Out.WriteLine($"{Dutch.Decimals(h.Score, 3),8}  {h.Id}");
        }
        return ExitCodes.Ok;
    }

    private static GeoPoint? ParsePoint(string? value)
    {
        if (value is null) return null;
        var parts = value.Split(',');
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            return new GeoPoint(lat, lon);
        throw new CliUsageException($"--near moet LAT,LON zijn, niet '{value}'");
    }

    private static (double?, double?) ParseHours(string? value)
    {
        if (value is null) return (null, null);
        var parts = value.Split('-');
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max))
            return (min, max);
        throw new CliUsageException($"--hours moet MIN-MAX zijn, niet '{value}'");
    }
}
