using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>A generated region: every contract file's records.</summary>
public sealed record World(
    IReadOnlyList<Employer> Employers,
    IReadOnlyList<SroiContract> SroiContracts,
    IReadOnlyList<Vacancy> Vacancies,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<LeerwerkRoute> Routes,
    IReadOnlyList<MatchEvent> MatchEvents,
    IReadOnlyList<Placement> Placements);

/// <summary>What to generate. <see cref="AsOf"/> is the world's "today"; it never comes from the clock.</summary>
/// <param name="History">
/// False skips the past (closed) vacancies and their match history: a catalog to serve, not to train on. Generating
/// history costs O(past vacancies × candidates) (each past vacancy samples its proposal pool from all consenting
/// candidates), which at national scale (400,000 × 400,000) would take hours.
/// </param>
public sealed record SynthOptions(int Seed = 42, int Candidates = 5000, int Vacancies = 1000, string Region = "GV", DateOnly? AsOf = null, bool History = true)
{
    /// <summary>How past proposals were chosen (default: the accountmanagers' heuristic).</summary>
    public HistoryPolicy HistoryPolicy { get; init; } = HistoryPolicy.Heuristic;

    /// <summary>The shape of the hidden truth employers invite and hire by (default: smooth).</summary>
    public TruthShape Truth { get; init; } = TruthShape.Additive;

    /// <summary>A known injustice in past employers' decisions (<c>--biased-history</c>); null for a fair history.</summary>
    public HistoryBias? HistoryBias { get; init; }

    /// <summary>The default "today" of a generated world.</summary>
    public static readonly DateOnly DefaultAsOf = new(2025, 6, 30);

    public DateOnly Today => AsOf ?? DefaultAsOf;
}
