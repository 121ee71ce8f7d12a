using System.Globalization;
using System.Text;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Reports;

/// <summary>A Markdown document built in order (headings, paragraphs, tables, images) and saved as <c>report.md</c> next to its PNGs. Not thread-safe.</summary>
public sealed class MarkdownReport
{
    /// <summary>File name of a report within its version directory.</summary>
    public const string FileName = "report.md";

    private readonly StringBuilder _text = new();

    /// <summary>The Markdown so far.</summary>
    public string Text => _text.ToString();

    /// <summary>Adds a heading of <paramref name="level"/> (1–6).</summary>
    public MarkdownReport Heading(int level, string text)
    {
        _text.Append('#', Math.Clamp(level, 1, 6)).Append(' ').AppendLine(text).AppendLine();
        return this;
    }

    /// <summary>Adds a paragraph.</summary>
    public MarkdownReport Paragraph(string text)
    {
        _text.AppendLine(text).AppendLine();
        return this;
    }

    /// <summary>Adds a table; cells are escaped for pipes.</summary>
    public MarkdownReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        _text.Append("| ").AppendJoin(" | ", headers.Select(Escape)).AppendLine(" |");
        _text.Append('|').AppendJoin('|', headers.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in rows) _text.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        _text.AppendLine();
        return this;
    }

    /// <summary>Adds an image by its file name relative to the report.</summary>
    public MarkdownReport Image(string fileName, string alt)
    {
        _text.Append("![").Append(alt).Append("](").Append(fileName).AppendLine(")").AppendLine();
        return this;
    }

    /// <summary>Writes <c>report.md</c> into <paramref name="directory"/> and returns its path.</summary>
    public string Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, Text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A number with <paramref name="decimals"/> decimals after a decimal comma, as the Dutch report writes it ("0,8034"); NaN as "–".</summary>
    public static string Number(double value, int decimals = 4) =>
        double.IsNaN(value) ? "–" : Dutch.Decimals(value, decimals);

    /// <summary>A signed number with two decimals after a decimal comma ("+0,03", "-0,01", "0,00"); NaN as "–".</summary>
    public static string Signed(double value) =>
        double.IsNaN(value) ? "–" : value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
