using System.Buffers;
using System.Text;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Store;

/// <summary>
/// What every store keeps alike: records as contract JSON keyed by kind and id. The typed reads of
/// <see cref="ICatalogStore"/> are defined here once, over the two raw reads a store implements.
/// </summary>
public abstract class JsonCatalogStore : ICatalogStore
{
    public abstract long Revision { get; }
    public abstract long Upsert(CatalogBatch batch);
    public abstract (long Revision, int Deleted) Delete(EntityKind kind, IReadOnlyCollection<string> ids);
    public abstract bool Exists(EntityKind kind, string id);
    public abstract int Count(EntityKind kind);
    public abstract IReadOnlyList<Change> ChangesSince(long revision);
    public abstract bool ChangedSince(EntityKind kind, long revision);
    public abstract void Dispose();

    /// <summary>The contract JSON of one record, or null when there is none.</summary>
    protected abstract string? Json(EntityKind kind, string id);

    /// <summary>The contract JSON of every record of a kind, in ordinal id order, streamed.</summary>
    protected abstract IEnumerable<string> AllJson(EntityKind kind);

    /// <summary>The contract JSON of every record of a kind whose id lies in [<paramref name="from"/>, <paramref name="before"/>), ordinal.</summary>
    protected abstract IEnumerable<string> JsonBetween(EntityKind kind, string from, string before);

    public Employer? GetEmployer(string id) => Get<Employer>(EntityKind.Employer, id);
    public Vacancy? GetVacancy(string id) => Get<Vacancy>(EntityKind.Vacancy, id);
    public Candidate? GetCandidate(string id) => Get<Candidate>(EntityKind.Candidate, id);
    public LeerwerkRoute? GetRoute(string id) => Get<LeerwerkRoute>(EntityKind.Route, id);
    public SroiContract? GetSroiContract(string id) => Get<SroiContract>(EntityKind.SroiContract, id);
    public Placement? GetPlacement(string id) => Get<Placement>(EntityKind.Placement, id);

    public IEnumerable<Employer> Employers() => All<Employer>(EntityKind.Employer);
    public IEnumerable<Vacancy> Vacancies() => All<Vacancy>(EntityKind.Vacancy);
    public IEnumerable<Candidate> Candidates() => All<Candidate>(EntityKind.Candidate);
    public IEnumerable<LeerwerkRoute> Routes() => All<LeerwerkRoute>(EntityKind.Route);
    public IEnumerable<SroiContract> SroiContracts() => All<SroiContract>(EntityKind.SroiContract);
    public IEnumerable<MatchEvent> MatchEvents() => All<MatchEvent>(EntityKind.MatchEvent);
    public IEnumerable<Placement> Placements() => All<Placement>(EntityKind.Placement);

    /// <inheritdoc />
    public IEnumerable<MatchEvent> MatchEventsOf(string vacancyId)
    {
        ArgumentNullException.ThrowIfNull(vacancyId);
        // Every key of the vacancy starts with "id|"; an id that itself holds '|' can share the range, so the vacancy is checked.
        return JsonBetween(EntityKind.MatchEvent, vacancyId + "|", vacancyId + (char)('|' + 1))
            .Select(ContractJson.Deserialize<MatchEvent>).Where(e => e.VacancyId == vacancyId);
    }

    /// <inheritdoc />
    public virtual void ScanJson(EntityKind kind, Action<ReadOnlySpan<byte>> record)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            foreach (var json in AllJson(kind))
            {
                var length = Encoding.UTF8.GetMaxByteCount(json.Length);
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }
                record(buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer)));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private T? Get<T>(EntityKind kind, string id) where T : class => Json(kind, id) is { } json ? ContractJson.Deserialize<T>(json) : null;

    private IEnumerable<T> All<T>(EntityKind kind) => AllJson(kind).Select(ContractJson.Deserialize<T>);
}
