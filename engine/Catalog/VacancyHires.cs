using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Catalog;

/// <summary>
/// How many people a vacancy has taken on: the distinct candidates with a <c>hired</c> match event for it or a placement naming it
/// (<see cref="VacancyPlacements"/>).
/// </summary>
public static class VacancyHires
{
    /// <summary>
    /// People taken on for <paramref name="vacancyId"/>: its hired match events, read by the prefix of their keys
    /// (<see cref="ICatalogStore.MatchEventsOf"/>), with the people of <paramref name="placed"/> placed in it.
    /// </summary>
    public static int Of(ICatalogStore store, string vacancyId, VacancyPlacements? placed = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.MatchEventsOf(vacancyId).Where(e => e.Stage == MatchStage.Hired).Select(e => e.CandidateId)
            .Concat((placed ?? VacancyPlacements.None).For(vacancyId)).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>True when every place of <paramref name="vacancy"/> is taken.</summary>
    public static bool Filled(ICatalogStore store, Vacancy vacancy, VacancyPlacements? placed = null)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return vacancy.Filled(Of(store, vacancy.Id, placed));
    }
}
