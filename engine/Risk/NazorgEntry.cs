namespace MatchEngine.Engine.Risk;

/// <summary>
/// One line of the nazorg worklist: an active placement with its conditional risk of herinstroom in
/// the coming 6 months given none so far, (F(t + 6) − F(t)) / (1 − F(t)) with t = months since the start.
/// </summary>
/// <param name="PlacementId">The placement.</param>
/// <param name="CandidateId">The candidate (pseudonym).</param>
/// <param name="EmployerId">Where the candidate works.</param>
/// <param name="EmployerName">The employer's name (its id when the store holds no employer record).</param>
/// <param name="MonthsSinceStart">t, months from the start to the as-of date (≥ 0).</param>
/// <param name="Risk6mConditional">The conditional 6-month risk, in [0, 1].</param>
/// <param name="Factors">Up to 3 factors that raise the risk most.</param>
/// <param name="HasJobcoach">The placement has the instrument jobcoach.</param>
/// <param name="RouteRunning">A leerwerk route is set and not yet completed (route_completed null).</param>
public sealed record NazorgEntry(string PlacementId, string CandidateId, string EmployerId, string EmployerName, double MonthsSinceStart, double Risk6mConditional,
    IReadOnlyList<HerinstroomFactor> Factors, bool HasJobcoach, bool RouteRunning);
