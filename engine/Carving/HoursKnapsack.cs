namespace MatchEngine.Engine.Carving;

/// <summary>
/// Exact task selection: the subset of items with the highest total value whose hours add up to a
/// total within [min, max]. A 0/1 knapsack by dynamic programming over quarter-hours, so it cannot
/// miss a feasible role the way a greedy pick can. O(items × max hours × 4); at most 40 h a week keeps it tiny.
/// </summary>
public static class HoursKnapsack
{
    private const int UnitsPerHour = 4;

    /// <summary>Indices of the chosen items, or an empty list when no subset reaches <paramref name="minHours"/> within <paramref name="maxHours"/>.</summary>
    public static IReadOnlyList<int> Select(IReadOnlyList<(double Hours, double Value)> items, double minHours, double maxHours)
    {
        var capacity = (int)Math.Floor(maxHours * UnitsPerHour + 1e-9);
        var floor = (int)Math.Ceiling(minHours * UnitsPerHour - 1e-9);
        if (capacity <= 0 || floor > capacity) return [];
        var weights = items.Select(i => (int)Math.Round(i.Hours * UnitsPerHour)).ToArray();
        // best[w] = best value with total weight exactly w; choice[i, w] = item i taken to reach w.
        var best = new double[capacity + 1];
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        var taken = new bool[items.Count, capacity + 1];
        for (var i = 0; i < items.Count; i++)
        {
            var wi = weights[i];
            if (wi <= 0 || wi > capacity) continue;
            for (var w = capacity; w >= wi; w--)
            {
                var candidate = best[w - wi] + items[i].Value;
                if (candidate > best[w] + 1e-12)
                {
                    best[w] = candidate;
                    taken[i, w] = true;
                }
            }
        }
        var bestWeight = -1;
        for (var w = floor; w <= capacity; w++)
        {
            if (!double.IsNegativeInfinity(best[w]) && (bestWeight < 0 || best[w] > best[bestWeight] + 1e-12)) bestWeight = w;
        }
        if (bestWeight < 0) return [];
        var chosen = new List<int>();
        for (int i = items.Count - 1, w = bestWeight; i >= 0 && w > 0; i--)
        {
            if (!taken[i, w]) continue;
            chosen.Add(i);
            w -= weights[i];
        }
        chosen.Reverse();
        return chosen;
    }
}
