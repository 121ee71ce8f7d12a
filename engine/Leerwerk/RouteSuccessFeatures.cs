using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Leerwerk;

/// <summary>
/// Features for "does the candidate complete this route and still work a year later?", defined once for
/// training (placements with a route) and scoring (a proposed path). Protected attributes never read.
/// </summary>
public static class RouteSuccessFeatures
{
    private static readonly (string Name, Func<Candidate, LeerwerkRoute, bool, double> Compute)[] All =
    [
        ("route_weeks", (c, r, _) => r.Weeks),
        ("route_kind", (c, r, _) => (int)r.Kind),
        ("route_on_the_job", (c, r, _) => r.WithWorkPlacement ? 1 : 0),
        ("route_cost_eur", (c, r, _) => (double)r.CostEur),
        ("dutch_above_route_minimum", (c, r, _) => (int)c.Dutch - (int)r.RequiresDutchMin),
        ("education", (c, r, _) => (int)c.Education),
        ("dutch", (c, r, _) => (int)c.Dutch),
        ("months_in_bijstand", (c, r, _) => WorkingLife.CountedMonths(c.MonthsInBijstand)),
        ("prior_outflows", (c, r, _) => WorkingLife.CountedExits(c.PriorOutflows)),
        ("debt_support", (c, r, _) => c.DebtSupport ? 1 : 0),
        ("care_tasks", (c, r, _) => c.CareTasks ? 1 : 0),
        ("needs_jobcoach", (c, r, _) => c.NeedsJobcoach ? 1 : 0),
        ("physical_capacity", (c, r, _) => (int)c.PhysicalCapacity),
        ("with_jobcoach", (c, r, jobcoach) => jobcoach ? 1 : 0),
    ];

    /// <summary>Feature names in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToArray();

    /// <summary>The features that read the candidate's Dutch language level; the fairness audit also scores with them equal for everyone.</summary>
    public static IReadOnlyList<string> Language { get; } = ["dutch_above_route_minimum", "dutch"];

    /// <summary>Position of feature <paramref name="name"/> in the vector.</summary>
    public static int IndexOf(string name) =>
        Array.FindIndex(All, f => f.Name == name) is var i and >= 0 ? i : throw new ArgumentException($"no route-success feature {name}", nameof(name));

    /// <summary>The vector for <paramref name="candidate"/> following <paramref name="route"/>, with or without a jobcoach.</summary>
    public static double[] Of(Candidate candidate, LeerwerkRoute route, bool withJobcoach) =>
        All.Select(f => f.Compute(candidate, route, withJobcoach)).ToArray();

    /// <summary>
    /// The outcome of a placement with a route: the route was completed and the person neither left the job
    /// nor returned to the bijstand within 12 months of the start. Known only for placements followed for
    /// the whole route and a year (at least two years from the start), so early failures of recent
    /// placements do not bias the labels; null otherwise.
    /// </summary>
    public static bool? Outcome(Placement p, LeerwerkRoute route, DateOnly asOf)
    {
        var observedTo = p.ObservedUntil < asOf ? p.ObservedUntil : asOf;
        var followUp = p.Start.AddDays(Math.Max(365, route.Weeks * 7));
        if (observedTo < followUp || p.RouteCompleted is null && p.HerinstroomAt is null && p.Ended is null) return null;
        var yearLater = p.Start.AddYears(1);
        var stayed = !(p.HerinstroomAt <= yearLater) && !(p.Ended <= yearLater);
        return p.RouteCompleted == true && stayed;
    }
}
