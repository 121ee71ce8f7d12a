using System.Text.Json;
using MatchEngine.Engine.Access;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine outcome --vacancy ID --candidate ID --stage STAGE [--position N] --json</c>: records what was done with a
/// candidate for a vacancy (proposed, invited, hired, rejected) as a match event the next training run learns from, as
/// <c>Match.RecordOutcome</c> over gRPC and the console's outcome buttons do (<see cref="OutcomeWrites"/>), audited as the CLI's
/// operator; no ranker is loaded. Prints the store's revision after the write.
/// </summary>
public sealed class OutcomeCommand : ICommand
{
    public string Verb => "outcome";
    public string Usage => "outcome --vacancy ID --candidate ID --stage proposed|invited|hired|rejected [--position N] --json   " +
                           "legt vast wat er met een kandidaat voor een vacature is gedaan (een matchgebeurtenis voor de volgende training)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var vacancyId = args.Require("vacancy");
        var candidateId = args.Require("candidate");
        var stage = args.Require("stage");
        // The contract checks the stage and the position, as for a match event imported or sent over gRPC.
        int? position = args.Has("position") ? args.GetInt("position", 0) : null;
        using var session = PolicySession.Open(context);
        var revision = await PolicySession.RunAsync(() => new OutcomeWrites(session.Catalog, context.Time).RecordAsync(session.Scope(Verb), vacancyId, candidateId, stage, position));
        context.Out.WriteLine(JsonSerializer.Serialize(new { vacancy_id = vacancyId, candidate_id = candidateId, stage, position, revision }, CliJson.Options));
        return ExitCodes.Ok;
    }
}
