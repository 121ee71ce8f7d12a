namespace MatchEngine.Models.Herinstroom;

/// <summary>
/// Picks the columns a Cox fit can use: drops constant columns and columns that are (numerically) a
/// linear combination of the columns kept before them, by Gram–Schmidt on the centred columns in input
/// order. Stateless and thread-safe.
/// </summary>
public static class CollinearityGuard
{
    /// <summary>Relative residual norm below which a column counts as collinear with the earlier ones.</summary>
    public const double Tolerance = 1e-8;

    /// <summary>Indices of the usable columns of <paramref name="rows"/> (n rows of p values), ascending.</summary>
    public static IReadOnlyList<int> UsableColumns(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return [];
        var p = rows[0].Length;
        var n = rows.Count;
        var basis = new List<double[]>();
        var kept = new List<int>();
        for (var j = 0; j < p; j++)
        {
            var mean = 0.0;
            for (var i = 0; i < n; i++) mean += rows[i][j];
            mean /= n;
            var v = new double[n];
            for (var i = 0; i < n; i++) v[i] = rows[i][j] - mean;
            var norm = Norm(v);
            if (norm <= 1e-12) continue;
            foreach (var b in basis)
            {
                var dot = 0.0;
                for (var i = 0; i < n; i++) dot += v[i] * b[i];
                for (var i = 0; i < n; i++) v[i] -= dot * b[i];
            }
            var residual = Norm(v);
            if (residual <= Tolerance * norm) continue;
            for (var i = 0; i < n; i++) v[i] /= residual;
            basis.Add(v);
            kept.Add(j);
        }
        return kept;
    }

    private static double Norm(double[] v)
    {
        var s = 0.0;
        foreach (var x in v) s += x * x;
        return Math.Sqrt(s);
    }
}
