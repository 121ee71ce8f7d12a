using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine shortlist --vacancy ID [--top N] [--region R] --json</c>: the best candidates for a vacancy
/// with reasons and gaps, printed as <c>{"vacancy_id":…,"chance_of":"kans op uitnodiging","candidates":[{"candidate_id":…,"chance":…,"score":…,"reasons":[…],"gaps":[…]}]}</c>
/// (<c>chance</c>: calibrated chance of an invitation; <c>score</c>: the ranker's raw score). Distance, hours, shifts and
/// availability are soft unless <c>--max-km</c>, <c>--strict-hours</c>, <c>--strict-shifts</c> or <c>--available-by</c> make them walls.
/// Ranked as the api ranks them (<see cref="RankingCascade.Default"/>); <c>--exact</c> puts every retrieved
/// candidate through every tree.
/// </summary>
public sealed class ShortlistCommand : ICommand
{
    public string Verb => "shortlist";
    public string Usage => "shortlist --vacancy ID [--top N] [--region R] [--available-by YYYY-MM-DD] [--max-km K] [--strict-hours] [--strict-shifts] [--exact] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json", "exact", "strict-hours", "strict-shifts" };

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        using var session = MatchingSession.Open(context, args.Has("exact") ? RankingCascade.Exhaustive : RankingCascade.Default);
        var shortlist = session.Run(() => session.Shortlists.For(args.Require("vacancy"), args.GetInt("top", 20),
            new ShortlistFilters(args.Get("region") is { } region ? [region] : [], args.GetDate("available-by"))
            {
                MaxKm = args.Get("max-km") is null ? null : args.GetDouble("max-km", 0),
                StrictHours = args.Has("strict-hours"),
                StrictShifts = args.Has("strict-shifts"),
            }));
        if (args.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                vacancy_id = shortlist.VacancyId,
                model_version = shortlist.ModelVersion,
                chance_of = ChanceCalibration.Meaning,
                candidates = shortlist.Candidates.Select(c => new { candidate_id = c.CandidateId, chance = c.Chance, score = c.Score, reasons = c.Reasons, gaps = c.Gaps }),
            }, CliJson.Options));
            return Task.FromResult(ExitCodes.Ok);
        }
        context.Out.WriteLine($"Shortlist for vacancy {shortlist.VacancyId} (model {shortlist.ModelVersion}, {shortlist.Retrieved} retrieved)");
        foreach (var (c, i) in shortlist.Candidates.Select((c, i) => (c, i + 1)))
        {
            var chance = c.Chance is { } p ? $"{ChanceCalibration.Meaning} {p * 100:0}%  " : "";
            context.Out.WriteLine($"{i,3}. {c.CandidateId}  {chance}(score {c.Score:0.000})");
            context.Out.WriteLine($"     + {string.Join("; ", c.Reasons)}");
            if (c.Gaps.Count > 0) context.Out.WriteLine($"     - {string.Join("; ", c.Gaps)}");
        }
        return Task.FromResult(ExitCodes.Ok);
    }
}

/// <summary><c>matchengine recommend --candidate ID [--top N] --json</c>: open vacancies for a candidate, best first.</summary>
public sealed class RecommendCommand : ICommand
{
    public string Verb => "recommend";
    public string Usage => "recommend --candidate ID [--top N] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        using var session = MatchingSession.Open(context);
        var candidateId = args.Require("candidate");
        var vacancies = session.Run(() => session.Shortlists.RecommendVacancies(candidateId, args.GetInt("top", 10)));
        context.Out.WriteLine(JsonSerializer.Serialize(new
        {
            candidate_id = candidateId,
            vacancies = vacancies.Select(v => new { vacancy_id = v.VacancyId, title = v.Title, employer = v.EmployerName, score = v.Score, reasons = v.Reasons, gaps = v.Gaps }),
        }, CliJson.Options));
        return Task.FromResult(ExitCodes.Ok);
    }
}

/// <summary>The engine parts a matching verb needs, opened over the data directory, with engine errors turned into CLI failures.</summary>
internal sealed class MatchingSession : IDisposable
{
    private MatchingSession(CatalogService catalog, PromotedModel<TrainedRanker> ranker, ShortlistService shortlists)
    {
        Catalog = catalog;
        Ranker = ranker;
        Shortlists = shortlists;
    }

    public CatalogService Catalog { get; }
    public PromotedModel<TrainedRanker> Ranker { get; }
    public ShortlistService Shortlists { get; }

    public static MatchingSession Open(CliContext context, RankingCascade? cascade = null)
    {
        var layout = context.Layout;
        var catalog = CatalogService.Open(layout, context.Time);
        var ranker = RankerModels.Follow(new ModelRegistry(layout.ModelsPath, context.Time), poll: null);
        return new MatchingSession(catalog, ranker, new ShortlistService(catalog, new CandidatePool(catalog.Store), ranker, context.Time, cascade));
    }

    /// <summary>Runs an engine call; an unknown record, a missing model or a bad argument becomes exit 1 with its message.</summary>
    public T Run<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is RecordNotFoundException or PreconditionFailedException or InvalidRequestException)
        {
            throw new CliFailureException(e.Message);
        }
    }

    public void Dispose()
    {
        Ranker.Dispose();
        Catalog.Dispose();
    }
}

/// <summary>JSON settings of the CLI's output: compact, snake_case, contract words for enums, non-ASCII letters kept readable.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
