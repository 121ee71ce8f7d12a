using System.Globalization;
using System.Text.Json;
using MatchEngine.Engine;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Sroi;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Cli;
using MatchEngine.Training.Synth;
using V1 = MatchEngine.Api.V1;

namespace MatchEngine.Tests.Sroi;

/// <summary>
/// A makelaar adds up what she sees: every SROI total shown equals the sum of the lines shown, to the cent, for every
/// contract of a generated region, through the engine and through the CLI's JSON.
/// </summary>
public sealed class SroiTotalsTests(SroiRegion region) : IClassFixture<SroiRegion>
{
    private static readonly DateOnly AsOf = SynthOptions.DefaultAsOf;

    private static decimal Cents(decimal euros) => Math.Round(euros, 2, MidpointRounding.AwayFromZero);

    [Fact]
    public void Progress_EveryContractOfAGeneratedRegion_TotalsAreTheSumOfTheirLinesToTheCent()
    {
        var clock = new FixedClock(AsOf);
        var layout = region.Layout;
        using var catalog = CatalogService.Open(layout, clock);
        using var ranker = RankerModels.Follow(new ModelRegistry(layout.ModelsPath, clock), poll: null);
        using var claims = layout.Store.OpenSroiClaims();
        var shortlists = new ShortlistService(catalog, new CandidatePool(catalog.Store), ranker);
        var today = new DataToday(catalog.Store, clock);
        var sroi = new SroiService(catalog, shortlists, new CarvingService(catalog, shortlists, today), SroiValuationTable.Default, claims, today);

        var contracts = catalog.Store.SroiContracts().ToArray();
        Assert.NotEmpty(contracts);
        var lines = 0;
        var wrong = new List<string>();
        foreach (var contract in contracts)
        {
            var p = sroi.Progress(contract.Id, AsOf);
            lines += p.Placements.Count;
            var shown = new Shown(Cents(p.ObligationEur), Cents(p.RealisedEur), Cents(p.OpenEur), Cents(p.CommittedEur), Cents(p.ProjectedEur), Cents(p.AtRiskEur),
                Math.Round(p.PacePerDayEur, 4, MidpointRounding.AwayFromZero), p.RemainingDays,
                p.Placements.Select(x => Cents(x.Realised.ValueEur)).ToArray(), p.Placements.Select(x => Cents(x.Committed.ValueEur)).ToArray());
            wrong.AddRange(shown.Mismatches().Select(m => $"{contract.Id}: {m}"));
            // The engine's own amounts are whole cents (and the pace whole hundredths of a cent): what is shown is what was added.
            foreach (var (name, amount) in new[] { ("obligation", p.ObligationEur), ("realised", p.RealisedEur), ("open", p.OpenEur), ("committed", p.CommittedEur),
                         ("projected", p.ProjectedEur), ("at risk", p.AtRiskEur) }.Concat(p.Placements.SelectMany(x => new[] { (x.PlacementId, x.Realised.ValueEur), (x.PlacementId,
                             x.Committed.ValueEur) })))
            {
                if (amount != Cents(amount)) wrong.Add($"{contract.Id}: {name} {amount} is not whole cents");
            }
            if (p.ProjectedAtPaceEur != Cents(shown.Pace * p.RemainingDays)) wrong.Add($"{contract.Id}: projected at pace {p.ProjectedAtPaceEur} ≠ pace × remaining days");
            if (p.ObligationEur != Cents(contract.ContractValueEur * contract.ObligationPct / 100m)) wrong.Add($"{contract.Id}: obligation {p.ObligationEur} ≠ value × pct in cents");
        }
        Assert.True(lines > 50, $"only {lines} counted placements over {contracts.Length} contracts: too few lines to check");
        Assert.True(wrong.Count == 0, $"{wrong.Count} mismatches over {contracts.Length} contracts:\n{string.Join("\n", wrong)}");

        foreach (var entry in sroi.Worklist(AsOf))
            Assert.Equal(sroi.Progress(entry.Progress.Contract.Id, AsOf).ProjectedEur, entry.Progress.ProjectedEur);
    }

    [Fact]
    public async Task SroiCli_EveryContractOfAGeneratedRegion_JsonTotalsAreTheSumOfTheirLines()
    {
        var data = region.Layout.Root;
        var asOf = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var contracts = Lines(region.Directory.File("world/sroi_contracts.jsonl")).Select(c => c.GetProperty("id").GetString()!).ToArray();
        Assert.NotEmpty(contracts);

        var lines = 0;
        var wrong = new List<string>();
        foreach (var id in contracts)
        {
            var p = await Json("sroi", "--contract", id, "--top", "0", "--as-of", asOf, "--json", "--data", data);
            var placements = p.GetProperty("placements").EnumerateArray().ToArray();
            lines += placements.Length;
            decimal Eur(string name) => p.GetProperty(name).GetDecimal();
            var shown = new Shown(Eur("obligation_eur"), Eur("realised_eur"), Eur("open_eur"), Eur("committed_eur"), Eur("projected_eur"), Eur("at_risk_eur"),
                Eur("pace_per_day_eur"), p.GetProperty("remaining_days").GetInt32(),
                // The placements the caller may not see are shown as one sum, which counts as a line.
                [.. placements.Select(x => x.GetProperty("realised").GetProperty("value_eur").GetDecimal()), p.GetProperty("withheld").GetProperty("realised_eur").GetDecimal()],
                [.. placements.Select(x => x.GetProperty("committed").GetProperty("value_eur").GetDecimal()), p.GetProperty("withheld").GetProperty("committed_eur").GetDecimal()],
                p.TryGetProperty("projected_at_pace_eur", out var atPace) ? atPace.GetDecimal() : null);
            wrong.AddRange(shown.Mismatches().Select(m => $"{id}: {m}"));
        }
        Assert.True(lines > 50, $"only {lines} counted placements: too few lines to check");
        Assert.True(wrong.Count == 0, $"{wrong.Count} mismatches over {contracts.Length} contracts:\n{string.Join("\n", wrong)}");

        var worklist = await Json("sroi", "--worklist", "--as-of", asOf, "--json", "--data", data);
        Assert.All(worklist.GetProperty("contracts").EnumerateArray().Select(e => e.GetProperty("progress")), p =>
        {
            Assert.Equal(Math.Max(0m, p.GetProperty("obligation_eur").GetDecimal() - p.GetProperty("realised_eur").GetDecimal()), p.GetProperty("open_eur").GetDecimal());
            Assert.Equal(Math.Max(0m, p.GetProperty("obligation_eur").GetDecimal() - p.GetProperty("projected_eur").GetDecimal()), p.GetProperty("at_risk_eur").GetDecimal());
        });
    }

    [Fact]
    public async Task ContractProgressOverGrpc_EveryContractOfAGeneratedRegion_TotalsAreTheSumOfTheirLines()
    {
        await using var server = await ApiServer.StartAsync(prepareData: target => DataDirectoryCopy.Copy(region.Layout.Root, target), clock: new FixedClock(AsOf));
        var client = new V1.Sroi.SroiClient(server.Channel);
        var asOf = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static decimal Eur(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

        var worklist = await client.WorklistAsync(new V1.WorklistRequest { AsOf = asOf });
        Assert.NotEmpty(worklist.Contracts);
        var wrong = new List<string>();
        foreach (var id in worklist.Contracts.Select(c => c.Progress.ContractId))
        {
            var p = await client.ContractProgressAsync(new V1.ContractProgressRequest { ContractId = id, AsOf = asOf });
            var shown = new Shown(Eur(p.ObligationEur), Eur(p.RealisedEur), Eur(p.OpenEur), Eur(p.CommittedEur), Eur(p.ProjectedEur), Eur(p.AtRiskEur),
                Eur(p.PacePerDayEur), p.RemainingDays, [.. p.Placements.Select(x => Eur(x.Realised.ValueEur)), Eur(p.Withheld.RealisedEur)],
                [.. p.Placements.Select(x => Eur(x.Committed.ValueEur)), Eur(p.Withheld.CommittedEur)], Eur(p.ProjectedAtPaceEur));
            wrong.AddRange(shown.Mismatches().Select(m => $"{id}: {m}"));
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} mismatches over {worklist.Contracts.Count} contracts:\n{string.Join("\n", wrong)}");
    }

    /// <summary>One contract's progress as a person reads it: the totals and the placement lines, in euros as shown.</summary>
    private sealed record Shown(decimal Obligation, decimal Realised, decimal Open, decimal Committed, decimal Projected, decimal AtRisk, decimal Pace,
        int RemainingDays, decimal[] RealisedLines, decimal[] CommittedLines, decimal? ProjectedAtPace = null)
    {
        /// <summary>Each total that is not the sum (or difference) of the amounts it is made of, as they are shown.</summary>
        public IEnumerable<string> Mismatches()
        {
            if (RealisedLines.Sum() != Realised) yield return $"realised {Realised} ≠ Σ {RealisedLines.Length} lines {RealisedLines.Sum()}";
            if (CommittedLines.Sum() != Committed) yield return $"committed {Committed} ≠ Σ {CommittedLines.Length} lines {CommittedLines.Sum()}";
            if (Math.Max(0m, Obligation - Realised) != Open) yield return $"open {Open} ≠ obligation {Obligation} − realised {Realised}";
            var atPace = Cents(Pace * RemainingDays);
            if (ProjectedAtPace is { } shown && shown != atPace) yield return $"projected at pace {shown} ≠ {Pace} × {RemainingDays} days";
            if (Realised + Math.Max(atPace, Committed) != Projected)
                yield return $"projected {Projected} ≠ realised {Realised} + max(pace × remaining {atPace}, committed {Committed})";
            if (Math.Max(0m, Obligation - Projected) != AtRisk) yield return $"at risk {AtRisk} ≠ obligation {Obligation} − projected {Projected}";
        }
    }

    private static IEnumerable<JsonElement> Lines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone());

    private static async Task<JsonElement> Json(params string[] args) =>
        JsonDocument.Parse((await CliRun.RunAsync([new SroiCommand()], new FixedClock(AsOf), args)).AssertSucceeded().LastLine).RootElement.Clone();
}

/// <summary>A generated region of the default size (Amersfoort, seed 27: 42 SROI contracts), imported into a real store; no ranker.</summary>
public sealed class SroiRegion : IDisposable
{
    public SroiRegion()
    {
        WorldWriter.Write(new WorldGenerator(new SynthOptions(Seed: 27, Region: "AM")).Generate(), Directory.File("world"));
        Layout = new DataLayout(Directory.File("data"));
        using var catalog = CatalogService.Open(Layout, TimeProvider.System);
        new FolderImporter(catalog.Store, catalog.Validator).Import(Directory.File("world"));
        catalog.SyncIndex();
    }

    public TempDirectory Directory { get; } = new();
    public DataLayout Layout { get; }

    public void Dispose() => Directory.Dispose();
}
