using System.Text.Json;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine delete --kind KIND --ids ID[,ID…] --json</c>: deletes records as <c>Catalog.Delete</c> does over gRPC and the
/// console's catalog page does; a candidate is erased with their match events and placements. Prints which existed and which
/// did not; exit code 2 when some did not.
/// </summary>
public sealed class DeleteCommand : ICommand
{
    /// <summary>The most records one call names.</summary>
    public const int MaxIds = 10_000;

    public string Verb => "delete";
    public string Usage => $"delete --kind {string.Join("|", EntityKinds.ImportOrder.Select(k => k.PluralName()))} --ids ID[,ID…] --json   " +
                           "verwijdert records (een kandidaat met zijn matchgebeurtenissen en plaatsingen); exitcode 2 als sommige niet bestonden";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var kindName = args.Require("kind");
        var kind = EntityKinds.FromPluralName(kindName)
                   ?? throw new CliUsageException($"--kind {ClientValue.Quote(kindName)} is geen soort; kies uit {Dutch.List(EntityKinds.ImportOrder.Select(k => k.PluralName()), "of")}");
        var ids = args.Require("ids").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) throw new CliUsageException("--ids noemt geen nummer");
        if (ids.Length > MaxIds) throw new CliUsageException($"--ids noemt {Dutch.Whole(ids.Length)} nummers; ten hoogste {Dutch.Whole(MaxIds)} per keer");
        using var session = PolicySession.Open(context);
        var existed = await PolicySession.RunAsync(() => new CatalogWrites(session.Catalog).DeleteAsync(session.Scope(Verb), ids.Select(id => (kind, id)).ToArray()));
        var deleted = ids.Where((_, i) => existed[i]).ToArray();
        var notFound = ids.Where((_, i) => !existed[i]).ToArray();
        context.Out.WriteLine(JsonSerializer.Serialize(new { kind = kindName, deleted, not_found = notFound }, CliJson.Options));
        return notFound.Length > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }
}
