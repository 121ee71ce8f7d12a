using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>
/// What a shortlist says about its vacancy before anyone is proposed: closed ("Deze vacature is op 1 maart 2025 gesloten.")
/// or not yet posted, and how many of its places are taken ("Deze vacature is vervuld.", "1 van de 3 plaatsen is al
/// vervuld."). The shortlist itself is still given: an accountmanager may prepare one, or the employer may reopen or hire more.
/// </summary>
public static class VacancyNotice
{
    /// <summary>The notice for <paramref name="vacancy"/> on <paramref name="today"/> with <paramref name="hired"/> people taken on; null when it is open with a place free.</summary>
    public static string? Of(Vacancy vacancy, DateOnly today, int hired = 0)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        string?[] sentences = [Dates(vacancy, today), Places(vacancy, hired)];
        var said = sentences.OfType<string>().ToArray();
        return said.Length == 0 ? null : string.Join(" ", said);
    }

    private static string? Dates(Vacancy vacancy, DateOnly today)
    {
        if (vacancy.ClosesAt is { } closes && closes < today) return $"Deze vacature is op {Dutch.Date(closes)} gesloten.";
        if (vacancy.PostedAt > today) return $"Deze vacature wordt pas op {Dutch.Date(vacancy.PostedAt)} geplaatst.";
        return null;
    }

    private static string? Places(Vacancy vacancy, int hired) => hired switch
    {
        <= 0 => null,
        _ when vacancy.Positions == 1 => "Deze vacature is vervuld.",
        _ when vacancy.Filled(hired) => $"Alle {vacancy.Positions} plaatsen van deze vacature zijn vervuld.",
        1 => $"1 van de {vacancy.Positions} plaatsen is al vervuld.",
        _ => $"{hired} van de {vacancy.Positions} plaatsen zijn al vervuld.",
    };
}
