using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Store;

namespace MatchEngine.Engine.Catalog;

/// <summary>How many people a vacancy has taken on: the distinct candidates with a <c>hired</c> match event for it.</summary>
public static class VacancyHires
{
    /// <summary>People taken on for <paramref name="vacancyId"/>, read by the prefix of its events' keys (<see cref="ICatalogStore.MatchEventsOf"/>).</summary>
    public static int Of(ICatalogStore store, string vacancyId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.MatchEventsOf(vacancyId).Where(e => e.Stage == MatchStage.Hired).Select(e => e.CandidateId).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>True when every place of <paramref name="vacancy"/> is taken.</summary>
    public static bool Filled(ICatalogStore store, Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return Of(store, vacancy.Id) >= vacancy.Positions;
    }
}
