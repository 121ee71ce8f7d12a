using System.Globalization;
using System.Text;

namespace MatchEngine.Training.Export;

/// <summary>
/// Writes a CSV file: by default RFC 4180 (comma, "\n" lines, quotes where needed, invariant numbers, UTF-8 without BOM),
/// for programs; the constructor's <c>forDutchSpreadsheets</c> writes semicolons, decimal commas and a UTF-8 byte order mark,
/// which a spreadsheet set to Dutch opens in columns. Not thread-safe.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly int _columns;
    private readonly char _separator;
    private readonly NumberFormatInfo _numbers;

    /// <summary>Numbers with a decimal comma and no grouping (the project runs with invariant globalization, so no culture is looked up).</summary>
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "" };

    /// <summary>Creates <paramref name="path"/> and writes the header.</summary>
    public CsvTable(string path, IReadOnlyList<string> header, bool forDutchSpreadsheets = false)
    {
        ArgumentNullException.ThrowIfNull(header);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _separator = forDutchSpreadsheets ? ';' : ',';
        _numbers = forDutchSpreadsheets ? DecimalComma : NumberFormatInfo.InvariantInfo;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(forDutchSpreadsheets)) { NewLine = "\n" };
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
        _writer.WriteLine(string.Join(_separator, cells.Select(Cell)));
        Rows++;
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private string Cell(object value)
    {
        var text = value switch
        {
            float f => f.ToString("R", _numbers),
            double d => d.ToString("R", _numbers),
            bool b => b ? "1" : "0",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, _numbers),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([_separator, '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
