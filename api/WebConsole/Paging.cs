namespace MatchEngine.Api.WebConsole;

/// <summary>One page of a list: the items shown, the page number (from 1) and whether there are pages before and after.</summary>
public sealed record Paging<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public const int DefaultPageSize = 20;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < Pages;

    /// <summary>Page <paramref name="page"/> (clamped to the pages there are) of <paramref name="all"/>.</summary>
    public static Paging<T> Of(IReadOnlyList<T> all, int page, int pageSize = DefaultPageSize)
    {
        var pages = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        var p = Math.Clamp(page, 1, pages);
        return new Paging<T>([.. all.Skip((p - 1) * pageSize).Take(pageSize)], p, pageSize, all.Count);
    }
}
