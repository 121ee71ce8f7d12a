using MatchEngine.Engine.Access;
using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine shortlist --vacancy ID [--top N] [--region R] --json</c>: the best candidates for a vacancy
/// with reasons and gaps, printed as <c>{"vacancy_id":…,"notice":…,"chance_of":"kans op uitnodiging","candidates":[{"candidate_id":…,"chance":…,"score":…,"reasons":[…],"gaps":[…]}]}</c>
/// (<c>chance</c>: calibrated chance of an invitation; <c>score</c>: the ranker's raw score; <c>notice</c>: null, or that the vacancy
/// is closed or not yet posted on the data's date). Distance, hours, shifts and
/// availability are soft unless <c>--max-km</c>, <c>--strict-hours</c>, <c>--strict-shifts</c> or <c>--available-by</c> make them walls;
/// a candidate at work on the data's date has it as a gap ("werkt sinds …") and is left out with <c>--exclude-working</c>.
/// <c>--fair-exposure ATTRIBUTE[:SHARE]</c> re-ranks the top fairly (<see cref="FairReranking"/>).
/// Ranked as the api ranks them (<see cref="RankingCascade.Default"/>); <c>--exact</c> puts every retrieved
/// candidate through every tree.
/// </summary>
public sealed class ShortlistCommand : ICommand
{
    public string Verb => "shortlist";
    public string Usage
        => "shortlist --vacancy ID [--top N] [--region R] [--available-by YYYY-MM-DD] [--max-km K] [--strict-hours] [--strict-shifts] [--exclude-working]"
           + " [--fair-exposure ATTRIBUTE[:SHARE]] [--exact] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json", "exact", "strict-hours", "strict-shifts", "exclude-working" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        using var session = MatchingSession.Open(context, args.Has("exact") ? RankingCascade.Exhaustive : RankingCascade.Default);
        var region = args.Get("region");
        var filters = new ShortlistFilters([], args.GetDate("available-by"))
        {
            MaxKm = args.Get("max-km") is null ? null : args.GetDouble("max-km", 0),
            StrictHours = args.Has("strict-hours"),
            StrictShifts = args.Has("strict-shifts"),
            ExcludeWorking = args.Has("exclude-working"),
            FairExposure = args.Get("fair-exposure") is { } fair ? ParseFairExposure(fair) : null,
        };
        var shortlist = await session.RunAsync(() => session.Matching.ShortlistAsync(session.Scope(Verb), args.Require("vacancy"),
            args.GetInt("top", MatchingReads.DefaultShortlistTop), filters, region, cancellationToken));
        if (args.Has("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                vacancy_id = shortlist.VacancyId,
                model_version = shortlist.ModelVersion,
                notice = shortlist.Notice,
                chance_of = ChanceCalibration.Meaning,
                candidates = shortlist.Candidates.Select(c => new { candidate_id = c.CandidateId, chance = c.Chance, score = c.Score, reasons = c.Reasons, gaps = c.Gaps }),
            }, CliJson.Options));
            return ExitCodes.Ok;
        }
        context.Out.WriteLine($"Shortlist voor vacature {shortlist.VacancyId} (model {shortlist.ModelVersion}, {Dutch.Count(shortlist.Retrieved, "kandidaat", "kandidaten")} opgehaald)");
        if (shortlist.Notice is { } notice) context.Out.WriteLine($"Let op: {notice}");
        foreach (var (c, i) in shortlist.Candidates.Select((c, i) => (c, i + 1)))
        {
            var chance = c.Chance is { } p ? $"{ChanceCalibration.Meaning} {Dutch.Percent(p)}  " : "";
            context.Out.WriteLine($"{i,3}. {c.CandidateId}  {chance}(score {Dutch.Decimals(c.Score, 3)})");
            context.Out.WriteLine($"     + {string.Join("; ", c.Reasons)}");
            if (c.Gaps.Count > 0) context.Out.WriteLine($"     - {string.Join("; ", c.Gaps)}");
        }
        return ExitCodes.Ok;
    }

    private static FairExposure ParseFairExposure(string text)
    {
        try
        {
            return FairExposure.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"--{e.Message}");
        }
    }
}

/// <summary>
/// <c>matchengine recommend --candidate ID [--top N] --json</c>: open vacancies for a candidate, best first, printed as
/// <c>{"candidate_id":…,"notice":…,"vacancies":[…]}</c> (<c>notice</c>: null, or that the candidate holds a job on the data's date).
/// </summary>
public sealed class RecommendCommand : ICommand
{
    public string Verb => "recommend";
    public string Usage => "recommend --candidate ID [--top N] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        using var session = MatchingSession.Open(context);
        var candidateId = args.Require("candidate");
        var recommended = await session.RunAsync(() => session.Matching.RecommendAsync(session.Scope(Verb), candidateId, args.GetInt("top", MatchingReads.DefaultRecommendTop), cancellationToken));
        context.Out.WriteLine(JsonSerializer.Serialize(new
        {
            candidate_id = candidateId,
            notice = recommended.Notice,
            vacancies = recommended.Vacancies.Select(v => new { vacancy_id = v.VacancyId, title = v.Title, employer = v.EmployerName, score = v.Score, reasons = v.Reasons, gaps = v.Gaps }),
        }, CliJson.Options));
        return ExitCodes.Ok;
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
