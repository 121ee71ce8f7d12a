using System.Text.Json;
using MatchEngine.Models.Survival;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine survival</c>: fits a Cox model to a CSV and prints the fit as JSON (snake_case keys)
/// on stdout. A CSV that cannot be used or a model that cannot be fitted is reported on stderr, exit 1.
/// </summary>
public sealed class SurvivalCommand : ICommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <inheritdoc />
    public string Verb => "survival";

    /// <inheritdoc />
    public string Usage => "survival --csv FILE --time COL --event COL --covariates a,b,c [--ties efron|breslow]";

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.Ordinal);
    /// <summary>Reads a CSV; opens no store.</summary>
    public DataUse Data => DataUse.None;

    /// <inheritdoc />
    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var csv = args.Require("csv");
        var time = args.Require("time");
        var @event = args.Require("event");
        var covariates = args.Require("covariates").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (covariates.Length == 0) throw new CliUsageException("optie --covariates heeft minstens één kolom nodig");
        var ties = args.Get("ties", "efron") switch
        {
            "efron" => CoxTies.Efron,
            "breslow" => CoxTies.Breslow,
            var other => throw new CliUsageException($"optie --ties moet efron of breslow zijn, niet '{other}'"),
        };

        SurvivalData data;
        CoxModel model;
        try
        {
            data = SurvivalCsv.Load(csv, time, @event, covariates);
            model = data.FitCox(ties);
        }
        catch (SurvivalCsvException e)
        {
            throw new CliFailureException($"{csv}: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new CliFailureException($"{csv}: het Cox-model is niet te schatten: {e.Message}");
        }

        var risk = data.Covariates.Select(model.LinearPredictor).ToArray();
        var concordance = Concordance.Compute(data.Time, data.Event, risk);
        var report = SurvivalReport.From(model, concordance);
        if (report.FirstNotFinite() is { } infinite)
            throw new CliFailureException($"{csv}: het Cox-model is niet te schatten op deze gegevens: {infinite} is oneindig of onbepaald " +
                                          "(te weinig gebeurtenissen, of een covariaat scheidt wie wel en niet een gebeurtenis heeft)");
        await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json).AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }
}
