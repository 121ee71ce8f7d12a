using System.Diagnostics;

namespace MatchEngine.Training.Progress;

/// <summary>
/// Line-based progress of a long step on a text writer (stderr in the CLI): "label: 12/30 (40%), 3.1 s", at most
/// one line per tenth of the work, and a closing line with the total time when disposed. Not thread-safe.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly int _total;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private int _done;
    private int _lastTenth;

    /// <param name="total">Units of work; 0 or less writes only the closing line.</param>
    public ProgressLine(TextWriter writer, string label, int total)
    {
        _writer = writer;
        _label = label;
        _total = total;
        _writer.WriteLine($"{label} …");
    }

    /// <summary>Counts <paramref name="units"/> done and writes a line when another tenth is complete.</summary>
    public void Advance(int units = 1)
    {
        _done += units;
        if (_total <= 0) return;
        var tenth = Math.Min(10, _done * 10 / _total);
        if (tenth <= _lastTenth || _done >= _total) return;
        _lastTenth = tenth;
        _writer.WriteLine(FormattableString.Invariant($"{_label}: {_done}/{_total} ({100.0 * _done / _total:0}%), {_watch.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <inheritdoc />
    public void Dispose() => _writer.WriteLine(FormattableString.Invariant($"{_label}: done in {_watch.Elapsed.TotalSeconds:0.0} s"));
}
