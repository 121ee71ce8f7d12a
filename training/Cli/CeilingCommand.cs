using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Matching;
using MatchEngine.Training.Ranking;
using MatchEngine.Training.Synth;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine ceiling [--as-of DATE]</c>: on a synthetic region, the NDCG@5/@10 and MAP of ranking the
/// ranker's held-out vacancies by the generator's hidden truth — the ceiling to read <c>train ranker</c>'s
/// table against. The last stdout line is JSON.
/// </summary>
public sealed class CeilingCommand : ICommand
{
    public string Verb => "ceiling";
    public string Usage => "ceiling [--as-of YYYY-MM-DD]   (synthetic regions only: NDCG of the hidden truth on the ranker's held-out split)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        using var catalog = CatalogService.Open(context.Layout, context.Time);
        try
        {
            context.Error.WriteLine("ceiling: building the ranking groups from the match history …");
            var groups = RankingDataset.Build(catalog, new CandidatePool(catalog.Store), args.GetDate("as-of"));
            var (oracle, testGroups, split) = RankingCeiling.Measure(catalog, groups);
            context.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["split_date"] = split.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["test_groups"] = testGroups,
                ["oracle"] = oracle.ToDictionary(),
            }));
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (InvalidOperationException e)
        {
            throw new CliFailureException(e.Message);
        }
    }
}
