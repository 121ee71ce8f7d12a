namespace MatchEngine.Api.WebConsole;

/// <summary>The outcome buttons of a shortlist: the Dutch word shown and the contract's stage it records.</summary>
public static class Outcomes
{
    public static readonly IReadOnlyList<(string Word, string Stage)> All =
    [
        ("voorgesteld", "proposed"),
        ("uitgenodigd", "invited"),
        ("aangenomen", "hired"),
        ("afgewezen", "rejected"),
    ];

    /// <summary>The contract's stage of a Dutch outcome word; null for any other word.</summary>
    public static string? StageOf(string? word) => All.FirstOrDefault(o => o.Word == word).Stage;
}
