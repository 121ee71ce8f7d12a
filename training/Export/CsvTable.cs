using System.Globalization;
using System.Text;

namespace MatchEngine.Training.Export;

/// <summary>Writes a CSV file (RFC 4180: comma, CRLF-free "\n" lines, quotes where needed, invariant numbers, UTF-8 without BOM). Not thread-safe.</summary>
public sealed class CsvTable : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly int _columns;

    /// <summary>Creates <paramref name="path"/> and writes the header.</summary>
    public CsvTable(string path, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        _columns = header.Count;
        Row([.. header]);
        Rows = 0;
    }

    /// <summary>Data rows written (the header not counted).</summary>
    public int Rows { get; private set; }

    /// <summary>Writes one row; numbers are written invariantly with round-trip precision.</summary>
    public void Row(params object[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns) throw new ArgumentException($"a row needs {_columns} cells, got {cells.Length}", nameof(cells));
        _writer.WriteLine(string.Join(',', cells.Select(Cell)));
        Rows++;
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static string Cell(object value)
    {
        var text = value switch
        {
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "1" : "0",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
