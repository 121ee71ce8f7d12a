using MatchEngine.Engine;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Import;
using MatchEngine.Training.Synth;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine import DIR</c>: imports a contract folder into the store and brings the index up to date, through the
/// policy path as the CLI's operator (<see cref="CatalogWrites.ImportAsync"/>, as the console imports, audited). Rejections go to stderr
/// as <c>file:line: field: reason</c>; the last stdout line is the JSON summary. A folder written by <c>synth</c> also
/// holds <c>synth.json</c>, which is copied into the data directory for <c>ceiling</c>.
/// </summary>
public sealed class ImportCommand : ICommand
{
    public string Verb => "import";
    public string Usage => "import DIR   importeert een contractmap (JSONL); exitcode 0 gelukt, 2 sommige regels geweigerd, 1 mislukt";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();
    /// <summary>The folder to import.</summary>
    public int MaxArguments => 1;
    /// <summary>Creates the store under --data when it does not exist yet.</summary>
    public DataUse Data => DataUse.CreatesStore;

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var folder = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException("geef precies één map om te importeren");
        if (!Directory.Exists(folder)) throw new CliFailureException($"map bestaat niet: {folder}");
        CheckFolder(folder, context.Error);
        var layout = context.Layout;
        using var session = PolicySession.Open(context);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await PolicySession.RunAsync(() => new CatalogWrites(session.Catalog).ImportAsync(session.Scope(Verb), FolderImporter.ContractFiles(folder), cancellationToken));
        if (SynthSettings.CopyInto(folder, layout.Root))
            context.Error.WriteLine($"kept the region's synthetic settings as {Path.Combine(layout.Root, SynthSettings.FileName)} (read by ceiling)");
        context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"imported in {watch.Elapsed.TotalSeconds:0.00} s, of which resolving labels {result.LabelResolution.TotalSeconds:0.00} s"));
        foreach (var rejection in result.Rejections) context.Error.WriteLine(rejection);
        context.Out.WriteLine(result.ToJson());
        return result.RejectedLines > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }

    /// <summary>
    /// Fails when a contract file's name is a folder, and warns (one line each) of the files that are not contract files, such
    /// as a misspelt <c>placement.jsonl</c>: both would otherwise be skipped without a word. The files synth writes beside the
    /// contract files (<see cref="SynthSettings.FileName"/>, <see cref="RewrittenLabelFile.FileName"/>) are expected.
    /// </summary>
    private static void CheckFolder(string folder, TextWriter error)
    {
        var contract = EntityKinds.ImportOrder.Select(k => k.FileName()).ToArray();
        foreach (var name in contract)
            if (Directory.Exists(Path.Combine(folder, name)))
                throw new CliFailureException($"{Path.Combine(folder, name)} is een map; een contractbestand moet een bestand zijn");
        foreach (var file in Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (file is null || contract.Contains(file, StringComparer.Ordinal) || file is SynthSettings.FileName or RewrittenLabelFile.FileName) continue;
            var near = Path.GetExtension(file) != ".jsonl" ? null
                : CliArgs.Nearest(Path.GetFileNameWithoutExtension(file), contract.Select(Path.GetFileNameWithoutExtension).OfType<string>());
            error.WriteLine($"waarschuwing: {file} is geen contractbestand en wordt niet geïmporteerd" +
                            (near is null ? $" (contractbestanden: {Dutch.List(contract, "en")})" : $" (bedoelt u {near}.jsonl?)"));
        }
    }
}
