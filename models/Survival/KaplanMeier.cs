using MathNet.Numerics.Distributions;

namespace MatchEngine.Models.Survival;

/// <summary>
/// The Kaplan–Meier (product-limit) estimate of S(t) = P(T &gt; t) from right-censored data, with
/// Greenwood variances. Immutable and thread-safe. Times are in the unit of the input; S(t) is a
/// right-continuous step function that is 1 before the first event time.
/// </summary>
public sealed class KaplanMeier
{
    private readonly double[] _times;
    private readonly int[] _atRisk;
    private readonly int[] _events;
    private readonly int[] _censored;
    private readonly double[] _survival;
    private readonly double[] _greenwood;

    private KaplanMeier(double[] times, int[] atRisk, int[] events, int[] censored, double[] survival, double[] greenwood)
    {
        _times = times;
        _atRisk = atRisk;
        _events = events;
        _censored = censored;
        _survival = survival;
        _greenwood = greenwood;
    }

    /// <summary>Distinct observed times (events and censorings), ascending.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>Number at risk just before each of <see cref="Times"/>.</summary>
    public IReadOnlyList<int> AtRisk => _atRisk;

    /// <summary>Number of events at each of <see cref="Times"/>.</summary>
    public IReadOnlyList<int> Events => _events;

    /// <summary>Number censored at each of <see cref="Times"/>.</summary>
    public IReadOnlyList<int> Censored => _censored;

    /// <summary>Total number of subjects.</summary>
    public int Count => _atRisk[0];

    /// <summary>Total number of events.</summary>
    public int EventCount => _events.Sum();

    /// <summary>Estimates the curve. <paramref name="event"/> is true where the event was observed at <paramref name="time"/>.</summary>
    public static KaplanMeier Fit(IReadOnlyList<double> time, IReadOnlyList<bool> @event)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(@event);
        SurvivalChecks.TimesAndEvents(time, @event);
        var order = Enumerable.Range(0, time.Count).OrderBy(i => time[i]).ToArray();
        var times = new List<double>();
        var atRisk = new List<int>();
        var events = new List<int>();
        var censored = new List<int>();
        var survival = new List<double>();
        var greenwood = new List<double>();
        var n = time.Count;
        var s = 1.0;
        var g = 0.0;
        for (var k = 0; k < order.Length;)
        {
            var t = time[order[k]];
            int d = 0, c = 0;
            for (; k < order.Length && time[order[k]] == t; k++)
            {
                if (@event[order[k]]) d++; else c++;
            }
            s *= 1.0 - (double)d / n;
            // n == d drives S to 0; the Greenwood term is then infinite and so is the log-scale error.
            g += d == 0 ? 0.0 : d == n ? double.PositiveInfinity : (double)d / ((double)n * (n - d));
            times.Add(t);
            atRisk.Add(n);
            events.Add(d);
            censored.Add(c);
            survival.Add(s);
            greenwood.Add(g);
            n -= d + c;
        }
        return new KaplanMeier([.. times], [.. atRisk], [.. events], [.. censored], [.. survival], [.. greenwood]);
    }

    /// <summary>S(t), the estimated probability of no event up to and including <paramref name="t"/>.</summary>
    public double Survival(double t)
    {
        var i = LastIndexAtOrBefore(t);
        return i < 0 ? 1.0 : _survival[i];
    }

    /// <summary>S(t−): the estimate just before <paramref name="t"/>, leaving out steps at t itself.</summary>
    public double SurvivalJustBefore(double t)
    {
        var i = Array.BinarySearch(_times, t);
        i = i >= 0 ? i - 1 : ~i - 1;
        return i < 0 ? 1.0 : _survival[i];
    }

    /// <summary>
    /// Greenwood standard error of S(t) itself: S(t)·sqrt(Σ d/(n(n−d))), as R's <c>summary(survfit)$std.err</c>.
    /// NaN once S(t) has reached 0.
    /// </summary>
    public double StandardError(double t)
    {
        var i = LastIndexAtOrBefore(t);
        if (i < 0) return 0.0;
        return double.IsPositiveInfinity(_greenwood[i]) ? double.NaN : _survival[i] * Math.Sqrt(_greenwood[i]);
    }

    /// <summary>Greenwood standard error of log S(t), i.e. sqrt(Σ d/(n(n−d))); R's <c>survfit(...)$std.err</c>.</summary>
    public double LogStandardError(double t)
    {
        var i = LastIndexAtOrBefore(t);
        return i < 0 ? 0.0 : Math.Sqrt(_greenwood[i]);
    }

    /// <summary>
    /// Pointwise confidence interval for S(t) at <paramref name="level"/> (default 0.95). The default
    /// <see cref="KmConfidenceType.Log"/> matches R's default. Bounds are NaN where the scale is undefined
    /// (log-log at S = 0 or 1 returns [S, S] at S = 1 and NaN at S = 0).
    /// </summary>
    public (double Lower, double Upper) ConfidenceInterval(double t, KmConfidenceType type = KmConfidenceType.Log, double level = 0.95)
    {
        if (level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(level), level, "must be in (0, 1)");
        var s = Survival(t);
        var se = LogStandardError(t);
        var z = Normal.InvCDF(0, 1, 0.5 + (level / 2));
        if (s == 0) return (double.NaN, double.NaN);
        switch (type)
        {
            case KmConfidenceType.Log:
                return (Math.Exp(Math.Log(s) - (z * se)), Math.Min(1.0, Math.Exp(Math.Log(s) + (z * se))));
            case KmConfidenceType.LogLog:
                if (s == 1) return (1.0, 1.0);
                var theta = Math.Log(-Math.Log(s));
                var w = z * se / Math.Abs(Math.Log(s));
                return (Math.Exp(-Math.Exp(theta + w)), Math.Exp(-Math.Exp(theta - w)));
            case KmConfidenceType.Plain:
                return (Math.Max(0.0, s - (z * s * se)), Math.Min(1.0, s + (z * s * se)));
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    /// <summary>Number still at risk at <paramref name="t"/>: subjects whose time is ≥ t.</summary>
    public int NumberAtRisk(double t)
    {
        var i = Array.BinarySearch(_times, t);
        if (i < 0) i = ~i;
        return i >= _times.Length ? 0 : _atRisk[i];
    }

    /// <summary>Cumulative number of events at times ≤ <paramref name="t"/>.</summary>
    public int EventsUpTo(double t)
    {
        var last = LastIndexAtOrBefore(t);
        var sum = 0;
        for (var i = 0; i <= last; i++) sum += _events[i];
        return sum;
    }

    /// <summary>
    /// Median survival time, or null when S(t) never drops to 0.5. When S is exactly 0.5 on a flat
    /// stretch the midpoint of that stretch is returned, as R does.
    /// </summary>
    public double? Median()
    {
        for (var i = 0; i < _times.Length; i++)
        {
            if (_events[i] == 0) continue;
            if (_survival[i] < 0.5) return _times[i];
            if (Math.Abs(_survival[i] - 0.5) < 1e-12)
            {
                for (var j = i + 1; j < _times.Length; j++)
                {
                    if (_events[j] > 0) return (_times[i] + _times[j]) / 2;
                }
                return _times[i];
            }
        }
        return null;
    }

    private int LastIndexAtOrBefore(double t)
    {
        var i = Array.BinarySearch(_times, t);
        return i >= 0 ? i : ~i - 1;
    }
}
