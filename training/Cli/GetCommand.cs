using System.Text.Json;
using MatchEngine.Engine.Access;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine get --kind KIND --id ID --json</c>: one record, as <c>Catalog.Get</c> gives it over gRPC, through the same policy path
/// (a candidate only with consent and minimised, a candidate's or placement's read audited).
/// </summary>
public sealed class GetCommand : ICommand
{
    public string Verb => "get";
    /// <summary>The kinds a record can be read of: all but match events, which have no id of their own.</summary>
    private static readonly string[] Kinds = [.. EntityKinds.ImportOrder.Where(k => k != EntityKind.MatchEvent).Select(k => k.PluralName())];

    public string Usage => $"get --kind {string.Join("|", Kinds)} --id ID --json   " +
                           "één record, zoals Catalog.Get het geeft (een kandidaat alleen met toestemming, zonder beschermde kenmerken)";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        var kindName = args.Require("kind");
        var kind = Kinds.Contains(kindName, StringComparer.Ordinal) ? EntityKinds.FromPluralName(kindName)!.Value
            : throw new CliUsageException($"--kind {ClientValue.Quote(kindName)} is geen soort; kies uit {Dutch.List(Kinds, "of")}");
        using var session = PolicySession.Open(context);
        var record = await PolicySession.RunAsync(() => new CatalogReads(session.Catalog).GetAsync(session.Scope(Verb), kind, args.Require("id")));
        context.Out.WriteLine(JsonSerializer.Serialize(record, record.GetType(), CliJson.Options));
        return ExitCodes.Ok;
    }
}
