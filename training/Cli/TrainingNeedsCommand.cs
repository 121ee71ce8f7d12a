using System.Text.Json;
using MatchEngine.Engine.Catalog;
using MatchEngine.Training.Export;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine training-needs [--region R] [--as-of DATE] [--out FILE.csv]</c>: the region's training needs, per
/// leerwerk route (and transport support), as JSON on standard output and, with <c>--out</c>, as a CSV for a spreadsheet
/// set to Dutch (semicolons, decimal commas). Without <c>--region</c>, every region of the consenting candidates.
/// </summary>
public sealed class TrainingNeedsCommand : ICommand
{
    public string Verb => "training-needs";
    public string Usage => "training-needs [--region R] [--as-of YYYY-MM-DD] [--out FILE.csv]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    /// <summary>The CSV's columns.</summary>
    public static readonly string[] Columns =
        ["regio", "route", "omschrijving", "kandidaten", "vacatures", "kandidaat_vacature_paren", "kosten_per_kandidaat_eur", "kosten_totaal_eur"];

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var output = args.OutputFile("out", required: false);
        using var session = MatchingSession.Open(context);
        var asOf = DataDate.Resolve(args.GetDate("as-of"), session.Catalog.Store, context.Time);
        var regions = args.Get("region") is { } one ? [one]
            : session.Catalog.Store.Candidates().Where(c => c.ConsentMatching).Select(c => c.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var reads = session.Advice();
        var all = new List<(string Region, Engine.Advice.TrainingNeed Need)>();
        foreach (var region in regions)
        {
            var needs = await session.RunAsync(() => reads.TrainingNeedsAsync(session.Scope(Verb), region, asOf, cancellationToken));
            all.AddRange(needs.Select(n => (region, n)));
            context.Error.WriteLine($"training-needs: {region}: {needs.Count} routes or steps bring candidates into a top 10");
        }
        if (output is { } path)
        {
            using var csv = new CsvTable(path, Columns, forDutchSpreadsheets: true);
            foreach (var (region, n) in all)
                csv.Row(region, n.Key, n.Label, n.Candidates, n.Vacancies, n.CandidateVacancyPairs, n.CostPerCandidateEur, n.TotalCostEur);
            context.Error.WriteLine($"training-needs: {csv.Rows} rows written to {path}");
        }
        context.Out.WriteLine(JsonSerializer.Serialize(new
        {
            as_of = asOf, caveat = Engine.Advice.AdviceService.Caveat,
            needs = all.Select(x => new { x.Region, x.Need.Key, x.Need.Label, x.Need.Candidates, x.Need.Vacancies, x.Need.CandidateVacancyPairs, x.Need.CostPerCandidateEur, x.Need.TotalCostEur }),
        }, CliJson.Options));
        return ExitCodes.Ok;
    }
}
