using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>How the accountmanagers of a synthetic region chose whom to propose for past vacancies.</summary>
public enum HistoryPolicy
{
    /// <summary>A biased heuristic over the candidates they know: short spells, Dutch B1+, close by, wanting the occupation.</summary>
    Heuristic,

    /// <summary>Uniformly at random among the candidates they know who live within <see cref="HistoryGenerator.NearbyKm"/> km.</summary>
    Random,

    /// <summary>The best matches of a text search of the vacancy's words in every consenting candidate's profile words.</summary>
    Text,
}

/// <summary>
/// Past matching: accountmanagers proposed candidates by a <see cref="HistoryPolicy"/> (by default a biased heuristic:
/// short spells, good Dutch, close by, wanting the occupation), and employers invited and hired by the hidden
/// <see cref="Compatibility"/> in its <see cref="TruthShape"/>. Writes proposed → invited → hired/rejected events with rising times, each with the
/// candidate's position in the accountmanager's list (the order the policy proposed them in, 1 first), as the feedback
/// loop logs it. Outcomes do not depend on the position: the synthetic region has no examination bias of its own. With a
/// <see cref="HistoryBias"/>, employers invite one group less at equal fit.
/// </summary>
public sealed class HistoryGenerator(Dice dice, DateOnly today, IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<string, Employer> employers,
    HistoryPolicy policy = HistoryPolicy.Heuristic, HistoryBias? bias = null, TruthShape truth = TruthShape.Additive)
{
    /// <summary>How far "nearby" reaches for <see cref="HistoryPolicy.Random"/>, km.</summary>
    public const double NearbyKm = 20;

    private const int PoolSize = 250;
    private readonly Candidate[] _consenting = candidates.Where(c => c.ConsentMatching).ToArray();
    private HashSet<string>[]? _words;

    public void Propose(Vacancy v, List<MatchEvent> events, List<(Vacancy, Candidate, DateOnly)> hires)
    {
        var employer = employers[v.EmployerId];
        var (pool, weights) = policy switch
        {
            HistoryPolicy.Random => Nearby(v),
            HistoryPolicy.Text => TextSearch(v),
            _ => Heuristic(v),
        };
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
            var z = Compatibility.LogOdds(v, employer, c, dice, truth);
            if (!dice.Chance(Compatibility.Sigmoid(z) * (bias?.On(c, v.PostedAt) ?? 1))) continue;
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

    private (List<Candidate>, List<double>) Heuristic(Vacancy v)
    {
        var pool = dice.Sample(_consenting, PoolSize);
        var weights = pool.Select(c => Math.Exp(-c.MonthsInBijstand / 48.0) * (c.Dutch >= CefrLevel.B1 ? 1.6 : 1.0)
            * Math.Exp(-v.Location.DistanceKm(c.Location) / 8.0) * (c.DesiredIsco.Contains(v.Isco) ? 2.0 : 1.0)).ToList();
        return (pool, weights);
    }

    private (List<Candidate>, List<double>) Nearby(Vacancy v)
    {
        var pool = dice.Sample(_consenting, PoolSize);
        var near = pool.Where(c => v.Location.DistanceKm(c.Location) <= NearbyKm).ToList();
        if (near.Count >= 15) pool = near;
        return (pool, pool.Select(_ => 1.0).ToList());
    }

    /// <summary>
    /// The 40 consenting candidates whose profile words (skills, certificates, past and wanted occupations, wanted sectors)
    /// share most words with the vacancy's title, skills, certificates, tasks and occupation, ties at random; proposed
    /// best match first (the weights fall off steeply with the rank, so the order is nearly the search's).
    /// </summary>
    private (List<Candidate>, List<double>) TextSearch(Vacancy v)
    {
        _words ??= _consenting.Select(c => Words(c.Skills.Concat(c.Certificates).Concat(c.Experience.Select(e => Engine.Domain.IscoTitles.Of(e.Isco)))
            .Concat(c.DesiredIsco.Select(Engine.Domain.IscoTitles.Of)).Concat(c.DesiredSectors))).ToArray();
        var query = Words(v.SkillsRequired.Concat(v.SkillsPreferred).Concat(v.CertificatesRequired).Concat(v.Tasks.Select(t => t.Name))
            .Append(v.Title).Append(Engine.Domain.IscoTitles.Of(v.Isco)));
        var best = Enumerable.Range(0, _consenting.Length).Select(i => (i, Score: _words[i].Count(query.Contains) + 0.01 * dice.Uniform()))
            .OrderByDescending(x => x.Score).Take(40).ToArray();
        return ([.. best.Select(x => _consenting[x.i])], [.. best.Select((_, rank) => Math.Pow(0.5, rank))]);
    }

    private static HashSet<string> Words(IEnumerable<string> texts) =>
        texts.SelectMany(t => t.ToLowerInvariant().Split([' ', '-', ',', '.', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3).ToHashSet(StringComparer.Ordinal);

    /// <summary>A working-hours moment on <paramref name="day"/> with the Dutch offset (summer time April–October, approximately).</summary>
    private DateTimeOffset At(DateOnly day)
    {
        var offset = TimeSpan.FromHours(day.Month is >= 4 and <= 10 ? 2 : 1);
        return new DateTimeOffset(day.Year, day.Month, day.Day, dice.Int(8, 17), dice.Int(0, 4) * 15, 0, offset);
    }
}
