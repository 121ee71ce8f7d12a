using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Leerwerk;

/// <summary>
/// Finds the shortest chain of routes (fewest weeks, then lowest cost) that closes a candidate's gaps,
/// respecting each route's prerequisites: a praktijkleren route that needs Dutch A2 is preceded by an
/// NT2 route that raises it. Exact: a shortest-path search over states (Dutch level, education level,
/// gaps closed), which stays small because a vacancy has only a handful of gaps. Thread-safe.
/// </summary>
public sealed class RoutePlanner(IReadOnlyList<LeerwerkRoute> catalogue)
{
    private const int MaxSteps = 5;

    /// <summary>The best path closing the gaps of <paramref name="candidate"/> for <paramref name="vacancy"/>.</summary>
    public LeerwerkPath Plan(Candidate candidate, Vacancy vacancy)
    {
        var gaps = Gap.Between(candidate, vacancy);
        return Plan(candidate, gaps, vacancy.Sector, vacancy.OffersLeerwerk);
    }

    /// <summary>The best path closing <paramref name="gaps"/>; routes of another sector than <paramref name="sector"/> are not used.</summary>
    public LeerwerkPath Plan(Candidate candidate, IReadOnlyList<Gap> gaps, string? sector, bool employerOffersLeerwerk)
    {
        var usable = catalogue.Where(r => r.Sector is null || sector is null || Labels.Same(r.Sector, sector)).ToArray();
        var closable = gaps.Where(g => usable.Any(r => Closes(r, g))).ToArray();
        var unclosable = gaps.Except(closable).ToArray();
        if (closable.Length == 0) return new LeerwerkPath([], [], unclosable, false);

        var goal = (1 << closable.Length) - 1;
        var start = new State(candidate.Dutch, candidate.Education, Closed(closable, candidate.Dutch, candidate.Education, 0, null));
        var best = new Dictionary<State, (int Weeks, decimal Cost, State? From, LeerwerkRoute? Via, int Steps)> { [start] = (0, 0, null, null, 0) };
        var queue = new PriorityQueue<State, (int, decimal)>();
        queue.Enqueue(start, (0, 0));
        State? reached = null;
        while (queue.TryDequeue(out var state, out var priority))
        {
            var current = best[state];
            if ((current.Weeks, current.Cost) != priority) continue;
            if (state.Closed == goal)
            {
                reached = state;
                break;
            }
            if (current.Steps == MaxSteps) continue;
            foreach (var route in usable)
            {
                if (route.RequiresDutchMin > state.Dutch || route.RequiresEducationMin > state.Education) continue;
                var dutch = route.RaisesDutchTo is { } d && d > state.Dutch ? d : state.Dutch;
                var education = route.RaisesEducationTo is { } e && e > state.Education ? e : state.Education;
                var next = new State(dutch, education, Closed(closable, dutch, education, state.Closed, route));
                if (next == state) continue;
                var cost = (current.Weeks + route.Weeks, current.Cost + route.CostEur);
                if (best.TryGetValue(next, out var known) && (known.Weeks, known.Cost).CompareTo(cost) <= 0) continue;
                best[next] = (cost.Item1, cost.Item2, state, route, current.Steps + 1);
                queue.Enqueue(next, cost);
            }
        }

        // When no chain closes everything (a prerequisite no route can raise), take the one that closes most.
        reached ??= best.OrderByDescending(b => System.Numerics.BitOperations.PopCount((uint)b.Key.Closed))
            .ThenBy(b => b.Value.Weeks).ThenBy(b => b.Value.Cost).First().Key;
        var closedGaps = closable.Where((_, i) => (reached.Closed & (1 << i)) != 0).ToArray();
        unclosable = gaps.Except(closedGaps).ToArray();
        var steps = new List<LeerwerkRoute>();
        for (var s = reached; best[s].Via is { } via; s = best[s].From!) steps.Add(via);
        steps.Reverse();
        return new LeerwerkPath(steps, closedGaps, unclosable, employerOffersLeerwerk && steps.Any(s => s.WithWorkPlacement));
    }

    private static int Closed(Gap[] gaps, CefrLevel dutch, EducationLevel education, int closed, LeerwerkRoute? route)
    {
        for (var i = 0; i < gaps.Length; i++)
        {
            var g = gaps[i];
            var done = g.Kind switch
            {
                GapKind.Dutch => dutch >= g.Dutch,
                GapKind.Education => education >= g.Education,
                _ => route is not null && Closes(route, g),
            };
            if (done) closed |= 1 << i;
        }
        return closed;
    }

    private static bool Closes(LeerwerkRoute route, Gap gap) => gap.Kind switch
    {
        GapKind.Skill => route.TeachesSkills.Any(s => Labels.Same(s, gap.Label!)),
        GapKind.Certificate => route.Certifies.Any(c => Labels.Same(c, gap.Label!)),
        GapKind.Education => route.RaisesEducationTo >= gap.Education,
        _ => route.RaisesDutchTo >= gap.Dutch,
    };

    private sealed record State(CefrLevel Dutch, EducationLevel Education, int Closed);
}
