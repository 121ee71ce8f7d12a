namespace MatchEngine.Engine.Risk;

/// <summary>
/// The herinstroom risk of one placement: probabilities of return to the bijstand within 6, 12 and 24
/// months of the START (each in [0, 1), non-decreasing), the factors that drive them and instruments
/// associated with lower risk that the placement does not have yet.
/// </summary>
/// <param name="PlacementId">The placement.</param>
/// <param name="Risk6">P(herinstroom within 6 months of the start).</param>
/// <param name="Risk12">P(herinstroom within 12 months).</param>
/// <param name="Risk24">P(herinstroom within 24 months).</param>
/// <param name="Factors">Up to 3 factors that raise the risk most, largest first (always from the Cox model of the promoted version's run).</param>
/// <param name="Instruments">Instruments with a negative Cox coefficient the placement lacks, strongest first.</param>
/// <param name="ModelVersion">The registry version that scored.</param>
/// <param name="ModelKind"><c>Cox</c> or <c>FastTreeIpcw</c>; factors are Cox factors in both cases.</param>
public sealed record HerinstroomScore(string PlacementId, double Risk6, double Risk12, double Risk24,
    IReadOnlyList<HerinstroomFactor> Factors, IReadOnlyList<InstrumentSuggestion> Instruments, string ModelVersion, string ModelKind);
