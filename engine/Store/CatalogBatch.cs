using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Store;

/// <summary>Records to write in one transaction. Mutable while being filled; not thread-safe.</summary>
public sealed class CatalogBatch
{
    public List<Employer> Employers { get; } = [];
    public List<SroiContract> SroiContracts { get; } = [];
    public List<Vacancy> Vacancies { get; } = [];
    public List<Candidate> Candidates { get; } = [];
    public List<LeerwerkRoute> Routes { get; } = [];
    public List<MatchEvent> MatchEvents { get; } = [];
    public List<Placement> Placements { get; } = [];

    /// <summary>Total number of records.</summary>
    public int Count => Employers.Count + SroiContracts.Count + Vacancies.Count + Candidates.Count + Routes.Count + MatchEvents.Count + Placements.Count;

    /// <summary>Every record as the stores keep it — kind, id (a match event's key) and contract JSON — in import order.</summary>
    public IEnumerable<(EntityKind Kind, string Id, string Json)> Rows()
    {
        static IEnumerable<(EntityKind, string, string)> Of<T>(EntityKind kind, IEnumerable<T> records, Func<T, string> id) =>
            records.Select(r => (kind, id(r), ContractJson.Serialize(r)));
        return Of(EntityKind.Employer, Employers, x => x.Id)
            .Concat(Of(EntityKind.SroiContract, SroiContracts, x => x.Id))
            .Concat(Of(EntityKind.Vacancy, Vacancies, x => x.Id))
            .Concat(Of(EntityKind.Candidate, Candidates, x => x.Id))
            .Concat(Of(EntityKind.Route, Routes, x => x.Id))
            .Concat(Of(EntityKind.MatchEvent, MatchEvents, x => x.Key))
            .Concat(Of(EntityKind.Placement, Placements, x => x.Id));
    }

    /// <summary>Adds a record of any contract type.</summary>
    public void Add(object record)
    {
        switch (record)
        {
            case Employer e: Employers.Add(e); break;
            case SroiContract s: SroiContracts.Add(s); break;
            case Vacancy v: Vacancies.Add(v); break;
            case Candidate c: Candidates.Add(c); break;
            case LeerwerkRoute r: Routes.Add(r); break;
            case MatchEvent m: MatchEvents.Add(m); break;
            case Placement p: Placements.Add(p); break;
            default: throw new ArgumentException($"not a contract record: {record.GetType().Name}", nameof(record));
        }
    }
}
