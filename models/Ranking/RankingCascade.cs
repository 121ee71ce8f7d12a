namespace MatchEngine.Models.Ranking;

/// <summary>
/// Two-stage scoring for when only the best of many rows are wanted (a shortlist's 1,000 retrieved candidates):
/// every row goes through the ensemble's first <see cref="FirstStageTrees"/> trees, and only the
/// <see cref="Survivors"/> best by that partial score go through the rest. A boosted ensemble's first trees carry
/// most of its ranking, so the survivors nearly always hold the full model's best rows, and their scores are the
/// full model's, bit for bit. How often a shortlist differs from exhaustive scoring is measured by
/// <c>RankingCascadeBenchmarks</c> (docs/benchmarks.md).
/// </summary>
public sealed record RankingCascade(int FirstStageTrees, int Survivors)
{
    /// <summary>Trees every row goes through (0: the first stage keeps the first rows, in the order given).</summary>
    public int FirstStageTrees { get; init; } = FirstStageTrees >= 0 ? FirstStageTrees
        : throw new ArgumentOutOfRangeException(nameof(FirstStageTrees), FirstStageTrees, "must be 0 or more");

    /// <summary>Rows, best by the first stage, that go through the remaining trees.</summary>
    public int Survivors { get; init; } = Survivors >= 1 ? Survivors
        : throw new ArgumentOutOfRangeException(nameof(Survivors), Survivors, "must be 1 or more");

    /// <summary>The serving default: 50 trees for every row, the full ensemble for the best 400.</summary>
    public static RankingCascade Default { get; } = new(50, 400);

    /// <summary>Every row through every tree.</summary>
    public static RankingCascade Exhaustive { get; } = new(int.MaxValue, int.MaxValue);
}

/// <summary>A row's full score; <see cref="Row"/> indexes the rows given to the ranker.</summary>
public readonly record struct ScoredRow(int Row, float Score);
