namespace MatchEngine.Training.Synth;

/// <summary>A seeded source of the draws the generator needs. Not thread-safe: one per generator run.</summary>
public sealed class Dice(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();
    public double Uniform(double min, double max) => min + (max - min) * _random.NextDouble();
    public int Int(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);
    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    public T Weighted<T>(IReadOnlyList<(T Item, double Weight)> items) => items[Weighted(items.Select(i => i.Weight).ToArray())].Item;

    /// <summary>Up to <paramref name="count"/> distinct items.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var list = items.ToList();
        for (var i = 0; i < Math.Min(count, list.Count); i++)
        {
            var j = _random.Next(i, list.Count);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list.Take(count).ToList();
    }
}
