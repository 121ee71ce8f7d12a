using MatchEngine.Engine.Domain;
using ScottPlot;

namespace MatchEngine.Training.Reports;

/// <summary>
/// The report's PNG plots, drawn with ScottPlot 5 (SkiaSharp, headless; the self-contained Linux native
/// library needs no fontconfig or X). Each method writes one file at a fixed size; the value axes number in Dutch ("0,25").
/// Thread-safe: no shared state.
/// </summary>
public static class Plots
{
    private const int Width = 800;
    private const int Height = 500;

    /// <summary>Vertical bars with category labels (e.g. NDCG@10 per sector).</summary>
    public static void Bars(string path, string title, string yLabel, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var plot = new Plot();
        plot.Add.Bars([.. values]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = labels.Count > 6 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = labels.Count > 6 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        if (labels.Count > 6) plot.Axes.Bottom.MinimumSize = 10 + 7 * labels.Max(l => l.Length);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Left.TickGenerator = DutchTicks();
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Horizontal bars, largest at the top (e.g. permutation feature importance).</summary>
    public static void HorizontalBars(string path, string title, string xLabel, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        var plot = new Plot();
        var n = labels.Count;
        var bars = plot.Add.Bars(Enumerable.Range(0, n).Select(i => new Bar { Position = n - 1 - i, Value = values[i] }).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, n).Select(i => (double)(n - 1 - i))], [.. labels]);
        plot.Axes.Bottom.TickGenerator = DutchTicks();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.SavePng(path, Width, Math.Max(Height, 60 + 22 * n));
    }

    /// <summary>Predicted against observed per risk group for each named series, with the diagonal of perfect calibration.</summary>
    public static void Calibration(string path, string title, string axisLabel, IReadOnlyList<(string Name, IReadOnlyList<double> Predicted, IReadOnlyList<double> Observed)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var max = Math.Max(0.05, series.SelectMany(s => s.Predicted.Concat(s.Observed)).DefaultIfEmpty(1).Max() * 1.1);
        var diagonal = plot.Add.Line(0, 0, max, max);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfecte kalibratie";
        foreach (var (name, predicted, observed) in series)
        {
            var s = plot.Add.Scatter(predicted.ToArray(), observed.ToArray());
            s.LegendText = name;
            s.MarkerSize = 8;
        }
        plot.Axes.SetLimits(0, max, 0, max);
        plot.Axes.Bottom.TickGenerator = DutchTicks();
        plot.Axes.Left.TickGenerator = DutchTicks();
        plot.Title(title);
        plot.XLabel($"voorspeld: {axisLabel}");
        plot.YLabel($"waargenomen: {axisLabel}");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Step curves (e.g. Kaplan–Meier cumulative incidence per risk group).</summary>
    public static void Steps(string path, string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        foreach (var (name, x, y) in series)
        {
            var s = plot.Add.Scatter(x.ToArray(), y.ToArray());
            s.ConnectStyle = ConnectStyle.StepHorizontal;
            s.MarkerSize = 0;
            s.LineWidth = 2;
            s.LegendText = name;
        }
        plot.Axes.Bottom.TickGenerator = DutchTicks();
        plot.Axes.Left.TickGenerator = DutchTicks();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Automatic ticks labelled with a decimal comma, like the report's numbers (the default follows the process culture, invariant here).</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic DutchTicks() => new() { LabelFormatter = Dutch.Exact };
}
