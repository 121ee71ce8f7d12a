using System.Text.Json;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Risk;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine nazorg --region R [--capacity N] [--as-of DATE] --json</c>: the jobcoach's nazorg worklist, as <c>Risk.NazorgWorklist</c>
/// and the console's nazorg page give it, through the same policy path (consent, region, audit): the region's active placements with
/// the highest risk of herinstroom in the coming six months first, at most the capacity, each with where the candidate works and
/// what raises the risk. Exit 1 without a promoted herinstroom model.
/// </summary>
public sealed class NazorgCommand : ICommand
{
    public string Verb => "nazorg";
    public string Usage => "nazorg --region R [--capacity N] [--as-of YYYY-MM-DD] --json   " +
                           "de nazorgwerklijst: lopende plaatsingen met het hoogste risico op herinstroom eerst, tot de capaciteit";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var region = args.Require("region");
        var capacity = args.GetInt("capacity", RiskReads.DefaultCapacity);
        using var session = PolicySession.Open(context);
        var day = DataDate.Resolve(args.GetDate("as-of"), session.Catalog.Store, context.Time);
        using var promoted = HerinstroomModels.Follow(new ModelRegistry(context.Layout.ModelsPath, context.Time), poll: null);
        var entries = await PolicySession.RunAsync(() =>
            new RiskReads(new HerinstroomScorer(session.Catalog.Store, promoted)).NazorgWorklistAsync(session.Scope(Verb), region, day, capacity));
        context.Out.WriteLine(JsonSerializer.Serialize(new
        {
            region,
            as_of = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            model_version = promoted.Current?.Manifest.Version,
            entries = entries.Select(e => new
            {
                placement_id = e.PlacementId, candidate_id = e.CandidateId, employer_id = e.EmployerId, employer_name = e.EmployerName,
                months_since_start = Math.Round(e.MonthsSinceStart, 1), risk_6m_conditional = Math.Round(e.Risk6mConditional, 4),
                has_jobcoach = e.HasJobcoach, route_running = e.RouteRunning,
                factors = e.Factors.Select(f => new { feature = f.Feature, text = f.Text, value = f.Value, contribution = Math.Round(f.Contribution, 4) }),
            }),
        }, CliJson.Options));
        return ExitCodes.Ok;
    }
}
