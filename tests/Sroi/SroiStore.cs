using MatchEngine.Engine;
using MatchEngine.Engine.Carving;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Engine.Sroi;
using MatchEngine.Engine.Store;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Sroi;

/// <summary>A real SQLite store and index in a temp directory with hand-built SROI records, and an <see cref="SroiService"/> over it (no ranker).</summary>
public sealed class SroiStore : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly PromotedModel<TrainedRanker> _ranker;

    public SroiStore(params object[] records)
    {
        var clock = new FixedClock(new DateOnly(2025, 4, 10));
        var layout = Layout = new DataLayout(_dir.File("data"));
        Catalog = CatalogService.Open(layout, clock);
        var batch = new CatalogBatch();
        foreach (var r in records) batch.Add(r);
        Catalog.Store.Upsert(batch);
        Catalog.SyncIndex();
        _ranker = RankerModels.Follow(new ModelRegistry(layout.ModelsPath, clock), poll: null);
        var shortlists = new ShortlistService(Catalog, new CandidatePool(Catalog.Store), _ranker);
        var today = new DataToday(Catalog.Store, clock);
        var carving = new CarvingService(Catalog, shortlists, today);
        Service = new SroiService(Catalog, shortlists, carving, SroiValuationTable.Default, Claims = layout.Store.OpenSroiClaims(), today);
    }

    public DataLayout Layout { get; }
    public CatalogService Catalog { get; }
    public SroiService Service { get; }
    public ISroiClaims Claims { get; }

    public static SroiContract Contract(string id, string employerId, DateOnly start, DateOnly end, decimal value = 1_000_000m, decimal pct = 5m) => new()
    {
        Id = id, EmployerId = employerId, Description = "Onderhoud openbaar groen", ContractValueEur = value, ObligationPct = pct, Start = start, End = end,
    };

    public static Placement Placement(string id, string candidateId, string employerId, DateOnly start, double hours, string? vacancyId = null,
        DateOnly? ended = null, DateOnly? herinstroom = null) => new()
    {
        Id = id, CandidateId = candidateId, EmployerId = employerId, VacancyId = vacancyId, Start = start, HoursPerWeek = hours,
        Contract = ContractKind.Temporary, Ended = ended, HerinstroomAt = herinstroom, ObservedUntil = Later(start, ObservedUntil),
    };

    /// <summary>The day the hand-built placements are observed until; a placement that starts later is observed from its start.</summary>
    private static readonly DateOnly ObservedUntil = new(2025, 4, 10);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    public void Dispose()
    {
        _ranker.Dispose();
        Claims.Dispose();
        Catalog.Dispose();
        _dir.Dispose();
    }
}
