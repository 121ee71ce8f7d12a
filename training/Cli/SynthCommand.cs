using System.Diagnostics;
using MatchEngine.Engine.Contract;
using MatchEngine.Training.Synth;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine synth --out DIR [--seed N] [--candidates N] [--vacancies N] [--region CODE] [--as-of DATE] [--no-history]
/// [--history-policy heuristic|random|text] [--truth additive|stepped|gated] [--messy SHARE] [--biased-history ATTRIBUTE=GROUP:FACTOR]</c>:
/// writes a synthetic region in the contract format; the same arguments give byte-identical files.
/// The last stdout line is JSON with the line count per file. <c>--messy SHARE</c> (0–1) rewrites that share of the
/// candidates' skills and certificates as people type them (<see cref="MessyLabels"/>) and writes the answer key
/// <c>messy-labels.jsonl</c> beside the contract files; everything else is the clean region's. <c>--biased-history</c>
/// writes a known injustice into the history (<see cref="HistoryBias"/>) to test the fairness audit. <c>--truth</c> picks
/// the shape of the hidden truth employers invite and hire by (<see cref="TruthShape"/>). The settings are written beside the
/// contract files as <c>synth.json</c> (<see cref="SynthSettings"/>), which <c>import</c> keeps and <c>ceiling</c> reads.
/// </summary>
public sealed class SynthCommand : ICommand
{
    public string Verb => "synth";
    public string Usage =>
        "synth --out DIR [--seed N] [--candidates N] [--vacancies N] [--region GV|AM] [--as-of YYYY-MM-DD] [--no-history] " +
        "[--history-policy heuristic|random|text] " + TruthOption.Usage + " [--messy SHARE] [--biased-history ATTRIBUTE=GROUP:FACTOR]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "no-history" };
    /// <summary>Writes a contract folder (--out); opens no store.</summary>
    public DataUse Data => DataUse.None;

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var options = new SynthOptions(args.GetInt("seed", 42), args.GetInt("candidates", 5000), args.GetInt("vacancies", 1000),
            args.Get("region", "GV")!, args.GetDate("as-of", request: false), History: !args.Has("no-history"))
        {
            HistoryPolicy = args.Get("history-policy", "heuristic") switch
            {
                "heuristic" => HistoryPolicy.Heuristic,
                "random" => HistoryPolicy.Random,
                "text" => HistoryPolicy.Text,
                var other => throw new CliUsageException($"--history-policy moet heuristic, random of text zijn, niet '{other}'"),
            },
            HistoryBias = args.Get("biased-history") is { } bias ? ParseBias(bias) : null,
            Truth = TruthOption.From(args),
        };
        var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        var (first, last) = CandidateGenerator.AsOfRange(today);
        if (options.Today < first || options.Today > last)
            throw new CliUsageException($"--as-of moet {first:yyyy-MM-dd} tot en met {last:yyyy-MM-dd} zijn, niet {options.Today:yyyy-MM-dd}: " + (options.Today > today
                ? "een regio volgt haar plaatsingen tot die dag, en de import neemt geen plaatsing aan die verder dan vandaag gevolgd is"
                : $"daarbuiten vallen geboortejaren buiten wat het contract toestaat ({ContractLimits.EarliestBirthYear} tot {ContractLimits.MinimumAge} jaar geleden)"));
        if (Limit.AtLeast(1).Refusal(options.Candidates) is { } candidates) throw new CliUsageException($"--candidates {candidates}");
        if (Limit.AtLeast(3).Refusal(options.Vacancies) is { } vacancies) throw new CliUsageException($"--vacancies {vacancies}");
        if (!Geography.Codes.Contains(options.Region)) throw new CliUsageException($"--region moet {Dutch.List(Geography.Codes, "of")} zijn, niet '{options.Region}'");
        var messy = args.GetDouble("messy", 0);
        if (Limit.Between(0.0, 1.0).Refusal(messy) is { } badMessy) throw new CliUsageException($"--messy {badMessy}");
        var folder = args.Require("out");
        var watch = Stopwatch.StartNew();
        var world = new WorldGenerator(options).Generate();
        if (messy > 0)
        {
            var (messyWorld, rewritten) = new MessyLabels(messy, options.Seed).Apply(world);
            world = messyWorld;
            Directory.CreateDirectory(folder);
            RewrittenLabelFile.Write(Path.Combine(folder, RewrittenLabelFile.FileName), rewritten);
            context.Error.WriteLine($"{rewritten.Count} labels rewritten as typed; answer key in {RewrittenLabelFile.FileName}");
        }
        else if (File.Exists(Path.Combine(folder, RewrittenLabelFile.FileName))) File.Delete(Path.Combine(folder, RewrittenLabelFile.FileName));
        var counts = WorldWriter.Write(world, folder);
        SynthSettings.Of(options, messy, args.Get("biased-history")).Write(folder);
        context.Error.WriteLine($"generated in {watch.Elapsed.TotalSeconds:0.0} s");
        context.Out.WriteLine("{" + string.Join(",", EntityKinds.ImportOrder.Select(k => $"\"{k.PluralName()}\":{counts[k]}")) + "}");
        return Task.FromResult(ExitCodes.Ok);
    }

    private static HistoryBias ParseBias(string text)
    {
        try
        {
            return HistoryBias.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
