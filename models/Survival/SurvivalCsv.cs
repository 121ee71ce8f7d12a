using System.Globalization;

namespace MatchEngine.Models.Survival;

/// <summary>
/// Reads survival data from CSV: a header row, comma-separated fields (optionally in double quotes),
/// numbers in the invariant culture. Rows are numbered from 1 at the first line after the header;
/// blank lines are skipped but still counted. Every problem is a <see cref="SurvivalCsvException"/>
/// naming the row and column.
/// </summary>
public static class SurvivalCsv
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static SurvivalData Load(string path, string timeColumn, string eventColumn, IReadOnlyList<string> covariateColumns)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var reader = new StreamReader(path);
            return Parse(reader, timeColumn, eventColumn, covariateColumns);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SurvivalCsvException($"kan '{path}' niet lezen: {e.Message}", e);
        }
    }

    /// <summary>Reads CSV text. Time must be finite and ≥ 0, the event 0 or 1, covariates finite numbers; at least one event.</summary>
    public static SurvivalData Parse(TextReader reader, string timeColumn, string eventColumn, IReadOnlyList<string> covariateColumns)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(timeColumn);
        ArgumentNullException.ThrowIfNull(eventColumn);
        ArgumentNullException.ThrowIfNull(covariateColumns);
        var headerLine = reader.ReadLine() ?? throw new SurvivalCsvException("de CSV is leeg: er is een kopregel nodig");
        var header = Split(headerLine);
        var timeIndex = IndexOf(header, timeColumn);
        var eventIndex = IndexOf(header, eventColumn);
        var covariateIndex = covariateColumns.Select(c => IndexOf(header, c)).ToArray();

        var time = new List<double>();
        var events = new List<bool>();
        var covariates = new List<IReadOnlyList<double>>();
        var row = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            row++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = Split(line);
            if (fields.Length != header.Length)
            {
                throw new SurvivalCsvException($"regel {row}: {fields.Length} velden, maar de kopregel heeft er {header.Length}");
            }
            var t = Number(fields[timeIndex], row, timeColumn);
            if (t < 0) throw new SurvivalCsvException($"regel {row}, kolom '{timeColumn}': tijd {Format(t)} is negatief");
            var e = Number(fields[eventIndex], row, eventColumn);
            if (e is not (0 or 1)) throw new SurvivalCsvException($"regel {row}, kolom '{eventColumn}': de gebeurtenis moet 0 of 1 zijn, niet '{fields[eventIndex]}'");
            time.Add(t);
            events.Add(e == 1);
            covariates.Add([.. covariateIndex.Select((c, j) => Number(fields[c], row, covariateColumns[j]))]);
        }
        if (time.Count == 0) throw new SurvivalCsvException("de CSV heeft geen gegevensregels");
        if (!events.Contains(true)) throw new SurvivalCsvException($"kolom '{eventColumn}' heeft geen gebeurtenissen (geen regel met 1): er valt niets te schatten");
        return new SurvivalData(time, events, covariates, covariateColumns);
    }

    private static int IndexOf(string[] header, string column)
    {
        var i = Array.IndexOf(header, column);
        return i >= 0 ? i : throw new SurvivalCsvException($"kolom '{column}' staat niet in de kopregel ({string.Join(", ", header)})");
    }

    private static double Number(string field, int row, string column)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw new SurvivalCsvException($"regel {row}, kolom '{column}': '{field}' is geen eindig getal");
        }
        return v;
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString().Trim());
        return [.. fields];
    }
}
