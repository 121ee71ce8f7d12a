namespace MatchEngine.Models.Ranking;

/// <summary>
/// Platt scaling: P(y = 1 | s) = 1 / (1 + exp(−(A·s + B))) fitted by maximum likelihood (Newton's method with Platt's
/// smoothed targets, so a separable sample does not send A to infinity). Turns a ranker's raw score into a chance.
/// Immutable.
/// </summary>
public sealed record PlattScaling(double A, double B)
{
    /// <summary>The calibrated chance of a raw score.</summary>
    public double Chance(double score) => 1 / (1 + Math.Exp(-(A * score + B)));

    /// <summary>Fits A and B on (score, outcome) pairs; fewer than 2 pairs or one class only gives the base rate.</summary>
    public static PlattScaling Fit(IReadOnlyList<(double Score, bool Positive)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var positives = pairs.Count(p => p.Positive);
        var negatives = pairs.Count - positives;
        if (positives == 0 || negatives == 0)
            return new PlattScaling(0, Math.Log((positives + 1.0) / (negatives + 1.0)));
        var hi = (positives + 1.0) / (positives + 2.0);
        var lo = 1.0 / (negatives + 2.0);
        double a = 0, b = Math.Log((positives + 1.0) / (negatives + 1.0));
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double gA = 0, gB = 0, hAA = 1e-9, hAB = 0, hBB = 1e-9;
            foreach (var (s, y) in pairs)
            {
                var p = 1 / (1 + Math.Exp(-(a * s + b)));
                var t = y ? hi : lo;
                var w = p * (1 - p);
                gA += (p - t) * s;
                gB += p - t;
                hAA += w * s * s;
                hAB += w * s;
                hBB += w;
            }
            var det = hAA * hBB - hAB * hAB;
            if (Math.Abs(det) < 1e-12) break;
            var dA = (hBB * gA - hAB * gB) / det;
            var dB = (hAA * gB - hAB * gA) / det;
            a -= dA;
            b -= dB;
            if (Math.Abs(dA) < 1e-9 && Math.Abs(dB) < 1e-9) break;
        }
        return new PlattScaling(a, b);
    }
}
