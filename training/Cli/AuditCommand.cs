using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Audit;

namespace MatchEngine.Training.Cli;

/// <summary><c>matchengine audit --candidate ID | --user U [--limit N] --json</c>: the audit trail for the privacy officer.</summary>
public sealed class AuditCommand : ICommand
{
    public string Verb => "audit";
    public string Usage => "audit (--candidate ID | --user U) [--limit N] --json";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Has("candidate") == args.Has("user")) throw new CliUsageException("geef --candidate of --user (één van beide)");
        using var log = context.Layout.Store.OpenAuditLog();
        AuditTrailQuery query;
        try
        {
            query = AuditTrailQuery.For(args.Get("candidate"), args.Get("user"), args.GetInt("limit", 1000));
        }
        catch (InvalidRequestException e)
        {
            throw new CliUsageException(e.Message);
        }
        var entries = query.Run(log);
        context.Out.WriteLine(JsonSerializer.Serialize(new { entries }, CliJson.Options));
        return Task.FromResult(ExitCodes.Ok);
    }
}
