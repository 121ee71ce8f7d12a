using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Training.Export;
using MatchEngine.Training.Runs;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine export ranker|herinstroom|leerwerk --out FILE.csv [--as-of DATE] [--salt-file F]</c>: the training
/// set as CSV with pseudonymised ids (keyed by the salt file, default <c>DATA/export-salt.key</c>, created on first use;
/// keep it secret and keep it, or pseudonyms change). The last stdout line is a JSON summary.
/// </summary>
public sealed class ExportCommand : ICommand
{
    public string Verb => "export";
    public string Usage => "export ranker|herinstroom|leerwerk --out FILE.csv [--as-of YYYY-MM-DD] [--salt-file FILE]   (ids gepseudonimiseerd; geen beschermde kenmerken, geen vrije tekst)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();
    /// <summary>The training set to export.</summary>
    public int MaxArguments => 1;

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var what = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException($"geef aan wat u wilt exporteren: {Dutch.List(TrainingRuns.Models, "of")}");
        if (!TrainingRuns.Models.Contains(what)) throw new CliUsageException($"model: {TrainingRuns.NotAModel(what)}");
        var output = args.OutputFile("out")!;
        var layout = context.Layout;
        var saltFile = Path.GetFullPath(args.Get("salt-file") ?? Path.Combine(layout.Root, Pseudonymizer.DefaultFileName));
        var saltName = args.Has("salt-file") ? "optie --salt-file" : "sleutelbestand";
        if (Directory.Exists(saltFile)) throw new CliFailureException($"{saltName}: {saltFile} is een map; geef het bestand met de sleutel");
        if (File.Exists(saltFile) && new FileInfo(saltFile).Length is var bytes and < Pseudonymizer.MinSaltBytes)
            throw new CliFailureException($"{saltName}: {saltFile} bevat {bytes} bytes, een sleutel moet er minstens {Pseudonymizer.MinSaltBytes} hebben " +
                                          "(een bestand dat nog niet bestaat wordt aangemaakt met 32 willekeurige bytes)");
        using var catalog = CatalogService.Open(layout, context.Time);
        try
        {
            var rows = new TrainingSetExport(catalog, new CandidatePool(catalog.Store), Pseudonymizer.FromSaltFile(saltFile), context.Error).Write(what, output, args.GetDate("as-of"));
            context.Out.WriteLine(JsonSerializer.Serialize(new { exported = what, rows, path = output, salt_file = saltFile }, CliJson.Options));
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (InvalidOperationException e)
        {
            throw new CliFailureException(e.Message);
        }
    }
}
