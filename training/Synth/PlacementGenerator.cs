using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// Placements from past hires and from earlier exits to work, with instruments, leerwerk routes, job
/// endings and herinstroom drawn from <see cref="HerinstroomTruth"/>, right-censored at the world's today
/// (a few lost to follow-up earlier).
/// </summary>
public sealed class PlacementGenerator(Dice dice, DateOnly today, IReadOnlyList<LeerwerkRoute> routes, IReadOnlyList<Employer> employers)
{
    private const int HistoryYears = 8;

    public IReadOnlyList<Placement> Generate(IReadOnlyList<(Vacancy Vacancy, Candidate Candidate, DateOnly Start)> hires,
        IReadOnlyList<(Candidate Candidate, CandidateGenerator.Traits Traits)> candidates, int extra)
    {
        var drafts = new List<(Placement Placement, Candidate Candidate)>();
        foreach (var (v, c, start) in hires)
            drafts.Add((Draft(drafts.Count + 1, c, v.EmployerId, v.Id, start, v.Contract, Math.Min(v.HoursMax, c.HoursMax), v.Sector), c));
        for (var i = 0; i < extra; i++)
        {
            var (c, _) = candidates[dice.Int(0, candidates.Count)];
            var employer = employers[dice.Int(0, employers.Count)];
            var start = today.AddDays(-dice.Int(20, HistoryYears * 365));
            var contract = dice.Weighted([(ContractKind.Temporary, .5), (ContractKind.Permanent, .2), (ContractKind.Agency, .2), (ContractKind.OnCall, .1)]);
            drafts.Add((Draft(drafts.Count + 1, c, employer.Id, null, start, contract, dice.Int(12, (int)Math.Max(13, c.HoursMax) + 1), employer.Sector), c));
        }

        var truth = HerinstroomTruth.Calibrate(drafts.Select(d => HerinstroomTruth.RelativeRisk(d.Placement, d.Candidate)).ToArray());
        return EndedByTheNextJob(drafts.Select(d => Outcome(d.Placement, d.Candidate, truth)).ToArray());
    }

    /// <summary>
    /// A person holds one job at a time: a placement still running (neither ended nor followed by herinstroom) when the same
    /// person starts another job ends the day before, if that day was still observed. Draws no dice, so the rest of the world
    /// is the same.
    /// </summary>
    private static Placement[] EndedByTheNextJob(Placement[] placements)
    {
        var result = (Placement[])placements.Clone();
        foreach (var own in Enumerable.Range(0, result.Length).GroupBy(i => result[i].CandidateId, StringComparer.Ordinal))
        {
            var byStart = own.OrderBy(i => result[i].Start).ThenBy(i => result[i].Id, StringComparer.Ordinal).ToArray();
            for (var k = 0; k + 1 < byStart.Length; k++)
            {
                var (job, next) = (result[byStart[k]], result[byStart[k + 1]]);
                var dayBefore = next.Start.AddDays(-1) < job.Start ? job.Start : next.Start.AddDays(-1);
                var running = !(job.Ended <= dayBefore) && !(job.HerinstroomAt <= dayBefore);
                if (running && dayBefore <= job.ObservedUntil) result[byStart[k]] = job with { Ended = dayBefore };
            }
        }
        return result;
    }

    private Placement Draft(int number, Candidate c, string employerId, string? vacancyId, DateOnly start, ContractKind contract, double hours, string sector)
    {
        var instruments = new List<Instrument>();
        if (dice.Chance(c.NeedsJobcoach ? 0.6 : 0.15)) instruments.Add(Instrument.Jobcoach);
        if (c.LoonwaardePct is not null && dice.Chance(0.8)) instruments.Add(Instrument.Lks);
        if (dice.Chance(c.Doelgroepregister ? 0.6 : 0.15)) instruments.Add(Instrument.NoRiskPolis);
        if (dice.Chance(0.15)) instruments.Add(Instrument.Proefplaatsing);
        LeerwerkRoute? route = null;
        if (dice.Chance(0.3))
        {
            var fitting = routes.Where(r => r.WithWorkPlacement && (r.Sector is null || r.Sector == sector) && r.RequiresDutchMin <= c.Dutch).ToArray();
            if (fitting.Length > 0)
            {
                route = dice.Pick(fitting);
                instruments.Add(Instrument.Leerwerk);
            }
        }
        var observed = dice.Chance(0.05) ? start.AddDays(dice.Int(0, Math.Max(1, today.DayNumber - start.DayNumber))) : today;
        bool? completed = null;
        if (route is not null && start.AddDays(route.Weeks * 7) <= observed)
            completed = dice.Chance(Compatibility.Sigmoid(RouteCompletionLogOdds(c, route, instruments.Contains(Instrument.Jobcoach))));
        return new Placement
        {
            Id = $"p{number:D6}",
            CandidateId = c.Id,
            EmployerId = employerId,
            VacancyId = vacancyId,
            Start = start,
            HoursPerWeek = Math.Max(4, hours),
            Contract = contract,
            Instruments = instruments,
            RouteId = route?.Id,
            RouteCompleted = completed,
            ObservedUntil = observed,
        };
    }

    /// <summary>
    /// Completing a route is harder with debts, a psychological vulnerability without a coach, Dutch just at
    /// the route's minimum and long routes; a jobcoach and learning on the job help.
    /// </summary>
    private static double RouteCompletionLogOdds(Candidate c, LeerwerkRoute route, bool jobcoach) =>
        0.5 + 0.55 * ((int)c.Dutch - (int)route.RequiresDutchMin - 1) - 0.9 * (c.DebtSupport ? 1 : 0)
        - 0.9 * (c.NeedsJobcoach && !jobcoach ? 1 : 0) + 0.4 * (jobcoach ? 1 : 0) - 0.012 * route.Weeks
        + 0.4 * (route.WithWorkPlacement ? 1 : 0) - 0.004 * Math.Min(c.MonthsInBijstand, 120);

    private Placement Outcome(Placement p, Candidate c, HerinstroomTruth truth)
    {
        var months = truth.DrawMonths(HerinstroomTruth.RelativeRisk(p, c), dice);
        DateOnly? back = months is { } m ? p.Start.AddDays((int)Math.Max(1, Math.Round(m * 30.4375))) : null;
        if (back > p.ObservedUntil) back = null;
        DateOnly? ended = back;
        if (back is null && dice.Chance(0.25))
        {
            var day = p.Start.AddDays(dice.Int(30, Math.Max(31, p.ObservedUntil.DayNumber - p.Start.DayNumber + 1)));
            if (day < p.ObservedUntil) ended = day;
        }
        return p with { HerinstroomAt = back, Ended = ended };
    }
}
