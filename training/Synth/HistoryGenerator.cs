using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// Past matching: accountmanagers proposed candidates by a biased policy (short spells, good Dutch,
/// close by, wanting the occupation), and employers invited and hired by the hidden
/// <see cref="Compatibility"/>. Writes proposed → invited → hired/rejected events with rising times, each with the
/// candidate's position in the accountmanager's list (the order the policy proposed them in, 1 first), as the feedback
/// loop logs it. Outcomes do not depend on the position: the synthetic region has no examination bias of its own.
/// </summary>
public sealed class HistoryGenerator(Dice dice, DateOnly today, IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<string, Employer> employers)
{
    private const int PoolSize = 250;
    private readonly Candidate[] _consenting = candidates.Where(c => c.ConsentMatching).ToArray();

    public void Propose(Vacancy v, List<MatchEvent> events, List<(Vacancy, Candidate, DateOnly)> hires)
    {
        var employer = employers[v.EmployerId];
        var pool = dice.Sample(_consenting, PoolSize);
        var weights = pool.Select(c => Math.Exp(-c.MonthsInBijstand / 48.0) * (c.Dutch >= CefrLevel.B1 ? 1.6 : 1.0)
            * Math.Exp(-v.Location.DistanceKm(c.Location) / 8.0) * (c.DesiredIsco.Contains(v.Isco) ? 2.0 : 1.0)).ToList();
        var count = Math.Min(pool.Count, dice.Int(15, 36));
        var hired = 0;
        for (var k = 0; k < count; k++)
        {
            var i = dice.Weighted(weights);
            var c = pool[i];
            pool.RemoveAt(i);
            weights.RemoveAt(i);
            var proposed = At(v.PostedAt.AddDays(dice.Int(1, 15)));
            events.Add(new MatchEvent { VacancyId = v.Id, CandidateId = c.Id, At = proposed, Stage = MatchStage.Proposed, Position = k + 1 });
            var z = Compatibility.LogOdds(v, employer, c, dice);
            if (!dice.Chance(Compatibility.Sigmoid(z))) continue;
            var invited = proposed.AddDays(dice.Int(2, 10)).AddHours(dice.Int(0, 4));
            events.Add(new MatchEvent { VacancyId = v.Id, CandidateId = c.Id, At = invited, Stage = MatchStage.Invited, Position = k + 1 });
            var hire = hired < v.Positions && dice.Chance(Compatibility.Sigmoid(z - 0.1));
            var decided = invited.AddDays(dice.Int(5, 25));
            events.Add(new MatchEvent { VacancyId = v.Id, CandidateId = c.Id, At = decided, Stage = hire ? MatchStage.Hired : MatchStage.Rejected, Position = k + 1 });
            if (!hire) continue;
            hired++;
            var start = DateOnly.FromDateTime(decided.DateTime).AddDays(dice.Int(7, 30));
            if (start <= today) hires.Add((v, c, start));
        }
    }

    /// <summary>A working-hours moment on <paramref name="day"/> with the Dutch offset (summer time April–October, approximately).</summary>
    private DateTimeOffset At(DateOnly day)
    {
        var offset = TimeSpan.FromHours(day.Month is >= 4 and <= 10 ? 2 : 1);
        return new DateTimeOffset(day.Year, day.Month, day.Day, dice.Int(8, 17), dice.Int(0, 4) * 15, 0, offset);
    }
}
