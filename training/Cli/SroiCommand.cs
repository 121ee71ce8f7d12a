using MatchEngine.Engine.Access;
using System.Text.Json;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Sroi;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine sroi --contract ID [--as-of DATE] [--top N] [--valuation FILE] --json</c>: a contract's SROI progress with
/// its arithmetic and, unless <c>--top 0</c>, the placements that would fill its gap;
/// <c>matchengine sroi --worklist [--as-of DATE] --json</c>: all running contracts, most euros at risk first.
/// Without <c>--as-of</c> the date is the data's own (<see cref="DataDate"/>). Euros in the JSON are numbers in cents (rates per day to four decimals); each total is the sum of the lines shown.
/// </summary>
public sealed class SroiCommand : ICommand
{
    public string Verb => "sroi";
    public string Usage => "sroi (--contract ID [--top N | --claim PLACEMENT_ID] | --worklist) [--as-of YYYY-MM-DD] [--valuation FILE] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json", "worklist" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Has("contract") == args.Has("worklist")) throw new CliUsageException("geef --contract ID of --worklist (één van beide)");
        using var session = MatchingSession.Open(context);
        var table = args.Get("valuation") is { } file ? session.Run(() => SroiValuationTable.Load(file)) : SroiValuationTable.Default;
        using var claims = context.Layout.Store.OpenSroiClaims();
        var reads = new SroiReads(new SroiService(session.Catalog, session.Shortlists, session.Carving, table, claims, session.Today));
        var scope = session.Scope(Verb);
        var asOf = DataDate.Resolve(args.GetDate("as-of"), session.Catalog.Store, context.Time);
        object output;
        if (args.Has("worklist"))
        {
            var list = await session.RunAsync(() => reads.WorklistAsync(scope, asOf));
            output = new { as_of = asOf, contracts = list.Select(e => new { position = e.Position, progress = SroiJson.Progress(e.Progress, withPlacements: false) }) };
        }
        else
        {
            var contractId = args.Require("contract");
            var top = args.GetInt("top", 5);
            if (args.Get("claim") is { } placementId)
            {
                if (args.Has("top")) throw new CliUsageException("geef --claim PLACEMENT_ID of --top N (één van beide)");
                // A claim holds whatever the date or the valuation: accepting them would suggest otherwise.
                if (args.Has("as-of") || args.Has("valuation")) throw new CliUsageException("--as-of en --valuation gelden niet bij --claim");
                var claimed = await session.RunAsync(() => reads.ClaimAsync(scope, contractId, placementId));
                output = new { placement_id = claimed.PlacementId, contract_id = claimed.ContractId, rule = claimed.Rule };
            }
            else if (top == 0)
            {
                output = SroiJson.Progress(await session.RunAsync(() => reads.ProgressAsync(scope, contractId, asOf)), withPlacements: true);
            }
            else
            {
                var found = await session.RunAsync(() => reads.FindPlacementsAsync(scope, contractId, asOf, top));
                output = new
                {
                    progress = SroiJson.Progress(found.Progress, withPlacements: true),
                    opportunities = found.Opportunities.Select(o => new
                    {
                        kind = o.Kind, id = o.Id, title = o.Title, isco = o.Isco, fill_from = o.FillFrom, value = SroiJson.Valuation(o.Value),
                        success_chance = o.SuccessChance, expected_eur = SroiJson.Cents(o.ExpectedEur),
                        candidates = o.Candidates.Select(c => new { candidate_id = c.CandidateId, score = c.Score, reasons = c.Reasons, gaps = c.Gaps }),
                    }),
                    fitting_occupations = found.FittingOccupations,
                    note = found.Note,
                };
            }
        }
        context.Out.WriteLine(JsonSerializer.Serialize(output, CliJson.Options));
        return ExitCodes.Ok;
    }
}
