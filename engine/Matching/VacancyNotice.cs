using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// The sentence a shortlist carries when its vacancy is not open on the data's date: closed ("Deze vacature is op 1 maart 2025
/// gesloten.") or not yet posted. The shortlist itself is still given: an accountmanager may prepare one, or the employer may reopen.
/// </summary>
public static class VacancyNotice
{
    /// <summary>The notice for <paramref name="vacancy"/> on <paramref name="today"/>; null when it is open then.</summary>
    public static string? Of(Vacancy vacancy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        if (vacancy.ClosesAt is { } closes && closes < today) return $"Deze vacature is op {Dutch.Date(closes)} gesloten.";
        if (vacancy.PostedAt > today) return $"Deze vacature wordt pas op {Dutch.Date(vacancy.PostedAt)} geplaatst.";
        return null;
    }
}
