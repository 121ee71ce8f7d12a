namespace MatchEngine.Models.Survival;

/// <summary>
/// The Cox log partial likelihood with its gradient and information matrix, on centered covariates
/// sorted by descending time so risk sets build up in one pass. Not thread-safe (reuses buffers).
/// </summary>
internal sealed class CoxPartialLikelihood
{
    private readonly int _n;
    private readonly int _p;
    private readonly double[] _x;
    private readonly bool[] _event;
    private readonly int[] _groupStart;
    private readonly double[] _s1;
    private readonly double[] _s2;
    private readonly double[] _d1;
    private readonly double[] _d2;
    private readonly double[] _a;

    public CoxPartialLikelihood(IReadOnlyList<double[]> x, IReadOnlyList<double> time, IReadOnlyList<bool> @event, CoxTies ties)
    {
        _n = time.Count;
        _p = x[0].Length;
        Ties = ties;
        Means = new double[_p];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _p; j++) Means[j] += x[i][j];
        }
        for (var j = 0; j < _p; j++) Means[j] /= _n;

        // Stable descending sort keeps ties in input order, so results do not depend on the sort.
        var order = Enumerable.Range(0, _n).OrderByDescending(i => time[i]).ToArray();
        _x = new double[_n * _p];
        _event = new bool[_n];
        var starts = new List<int>();
        for (var r = 0; r < _n; r++)
        {
            var i = order[r];
            for (var j = 0; j < _p; j++) _x[(r * _p) + j] = x[i][j] - Means[j];
            _event[r] = @event[i];
            if (r == 0 || time[order[r - 1]] != time[i]) starts.Add(r);
        }
        starts.Add(_n);
        _groupStart = [.. starts];
        SortedTimes = [.. order.Select(i => time[i])];
        _s1 = new double[_p];
        _s2 = new double[_p * _p];
        _d1 = new double[_p];
        _d2 = new double[_p * _p];
        _a = new double[_p];
    }

    public CoxTies Ties { get; }

    /// <summary>Column means that were subtracted from the covariates.</summary>
    public double[] Means { get; }

    /// <summary>Times in the internal (descending) order.</summary>
    public double[] SortedTimes { get; }

    /// <summary>Log partial likelihood at <paramref name="beta"/>; fills the score and the information (−Hessian, row-major).</summary>
    public double Evaluate(double[] beta, double[] score, double[] information)
    {
        var p = _p;
        Array.Clear(score);
        Array.Clear(information);
        Array.Clear(_s1);
        Array.Clear(_s2);
        double s0 = 0, loglik = 0;
        for (var g = 0; g + 1 < _groupStart.Length; g++)
        {
            Array.Clear(_d1);
            Array.Clear(_d2);
            double d0 = 0;
            var deaths = 0;
            for (var r = _groupStart[g]; r < _groupStart[g + 1]; r++)
            {
                var row = r * p;
                var eta = 0.0;
                for (var j = 0; j < p; j++) eta += _x[row + j] * beta[j];
                var w = Math.Exp(eta);
                s0 += w;
                AddOuter(_s1, _s2, row, w);
                if (!_event[r]) continue;
                deaths++;
                d0 += w;
                AddOuter(_d1, _d2, row, w);
                loglik += eta;
                for (var j = 0; j < p; j++) score[j] += _x[row + j];
            }
            for (var k = 0; k < deaths; k++)
            {
                var f = Ties == CoxTies.Efron ? (double)k / deaths : 0.0;
                var denom = s0 - (f * d0);
                loglik -= Math.Log(denom);
                for (var j = 0; j < p; j++)
                {
                    _a[j] = (_s1[j] - (f * _d1[j])) / denom;
                    score[j] -= _a[j];
                }
                for (var j = 0; j < p; j++)
                {
                    for (var l = 0; l <= j; l++)
                    {
                        information[(j * p) + l] += ((_s2[(j * p) + l] - (f * _d2[(j * p) + l])) / denom) - (_a[j] * _a[l]);
                    }
                }
            }
        }
        for (var j = 0; j < p; j++)
        {
            for (var l = j + 1; l < p; l++) information[(j * p) + l] = information[(l * p) + j];
        }
        return loglik;
    }

    /// <summary>
    /// Baseline cumulative hazard at x = 0 (uncentered) after each distinct event time, ascending, for
    /// both increment types.
    /// </summary>
    public (double[] Times, double[] Breslow, double[] Efron) BaselineHazard(double[] beta)
    {
        var times = new List<double>();
        var breslow = new List<double>();
        var efron = new List<double>();
        double s0 = 0;
        for (var g = 0; g + 1 < _groupStart.Length; g++)
        {
            double d0 = 0;
            var deaths = 0;
            for (var r = _groupStart[g]; r < _groupStart[g + 1]; r++)
            {
                var eta = 0.0;
                for (var j = 0; j < _p; j++) eta += _x[(r * _p) + j] * beta[j];
                var w = Math.Exp(eta);
                s0 += w;
                if (!_event[r]) continue;
                deaths++;
                d0 += w;
            }
            if (deaths == 0) continue;
            var e = 0.0;
            for (var k = 0; k < deaths; k++) e += 1.0 / (s0 - ((double)k / deaths * d0));
            times.Add(SortedTimes[_groupStart[g]]);
            breslow.Add(deaths / s0);
            efron.Add(e);
        }
        times.Reverse();
        breslow.Reverse();
        efron.Reverse();
        // The sums above are at the covariate means; rescale so the hazard is at x = 0.
        var shift = Math.Exp(-Means.Select((m, j) => m * beta[j]).Sum());
        return ([.. times], Cumulate(breslow, shift), Cumulate(efron, shift));
    }

    private static double[] Cumulate(List<double> increments, double scale)
    {
        var result = new double[increments.Count];
        var sum = 0.0;
        for (var i = 0; i < result.Length; i++)
        {
            sum += increments[i];
            result[i] = sum * scale;
        }
        return result;
    }

    private void AddOuter(double[] v, double[] m, int row, double w)
    {
        for (var j = 0; j < _p; j++)
        {
            var xj = w * _x[row + j];
            v[j] += xj;
            for (var l = 0; l <= j; l++) m[(j * _p) + l] += xj * _x[row + l];
        }
    }
}
