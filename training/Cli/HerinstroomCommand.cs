using System.Globalization;
using System.Text;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Risk;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine herinstroom [--as-of DATE] --out FILE.csv</c>: scores every active placement (not
/// ended, no herinstroom as of the date, candidate with consent) with the promoted model and writes
/// <c>placement_id,risk_6m,risk_12m,risk_24m</c>: probabilities of herinstroom within that many months of
/// the placement's start, invariant culture, 4 decimals. Exit 1 without a promoted model.
/// </summary>
public sealed class HerinstroomCommand : ICommand
{
    /// <summary>The CSV header.</summary>
    public const string Header = "placement_id,risk_6m,risk_12m,risk_24m";

    public string Verb => "herinstroom";
    public string Usage => "herinstroom [--as-of YYYY-MM-DD] --out FILE.csv   (kans op herinstroom binnen 6/12/24 maanden na de start, lopende plaatsingen)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var output = args.OutputFile("out")!;
        var layout = context.Layout;
        using var catalog = CatalogService.Open(layout, context.Time);
        var day = args.GetDate("as-of") ?? HerinstroomDataset.LatestObservation(catalog.Store) ?? throw new CliFailureException("de store heeft geen plaatsingen");
        using var promoted = HerinstroomModels.Follow(new ModelRegistry(layout.ModelsPath, context.Time), poll: null);
        IReadOnlyList<(HerinstroomCase Case, double[] Risks)> scored;
        try
        {
            scored = new HerinstroomScorer(catalog.Store, promoted).ScoreActive(day);
        }
        catch (PreconditionFailedException e)
        {
            throw new CliFailureException(e.Message);
        }
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var (c, r) in scored)
        {
            csv.Append(c.Placement.Id);
            foreach (var risk in r) csv.Append(',').Append(risk.ToString("0.0000", CultureInfo.InvariantCulture));
            csv.Append('\n');
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null) Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(output, csv.ToString(), new UTF8Encoding(false), cancellationToken);
        var summary = $"{{\"as_of\":\"{day:yyyy-MM-dd}\",\"placements\":{scored.Count},\"model\":\"{promoted.Current?.Manifest.Version}\"," +
                      $"\"out\":\"{output.Replace("\\", "\\\\", StringComparison.Ordinal)}\"}}";
        await context.Out.WriteLineAsync(summary.AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }
}
