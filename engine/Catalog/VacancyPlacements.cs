using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// Who has a placement naming each vacancy (<c>vacancy_id</c> of <c>placements.jsonl</c>): a hire the placement registry
/// knows of, whether or not a <c>hired</c> match event records it (<see cref="VacancyHires"/>). Immutable.
/// </summary>
public sealed class VacancyPlacements
{
    private readonly Dictionary<string, string[]> _byVacancy;

    private VacancyPlacements(Dictionary<string, string[]> byVacancy) => _byVacancy = byVacancy;

    /// <summary>No placement names a vacancy.</summary>
    public static VacancyPlacements None { get; } = new(new Dictionary<string, string[]>(StringComparer.Ordinal));

    /// <summary>The candidates placed in each vacancy named by <paramref name="placements"/>.</summary>
    public static VacancyPlacements Of(IEnumerable<Placement> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);
        var byVacancy = placements.Where(p => p.VacancyId is not null).GroupBy(p => p.VacancyId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.CandidateId).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return byVacancy.Count == 0 ? None : new VacancyPlacements(byVacancy);
    }

    /// <summary>The candidates with a placement naming <paramref name="vacancyId"/> (empty when none).</summary>
    public IReadOnlyList<string> For(string vacancyId) => _byVacancy.GetValueOrDefault(vacancyId) ?? [];
}
