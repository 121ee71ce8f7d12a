using System.Globalization;
using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

/// <summary>The Rossi data and R's results for it, from tests/reference, copied into the test output.</summary>
internal static class RossiReference
{
    public static readonly string[] Covariates = ["fin", "age", "race", "wexp", "mar", "paro", "prio"];

    /// <summary>fin 0, age 25, race 1, wexp 0, mar 0, paro 1, prio 3, as in the reference's "profile" rows.</summary>
    public static readonly double[] Profile = [0, 25, 1, 0, 0, 1, 3];

    public static readonly double[] Weeks = [10, 20, 30, 40, 52];

    private static readonly Lazy<SurvivalData> LazyData = new(() =>
        SurvivalCsv.Load(PathOf("rossi.csv"), "week", "arrest", Covariates));

    private static readonly Lazy<IReadOnlyList<Row>> LazyRows = new(LoadExpected);

    public static SurvivalData Data => LazyData.Value;

    public static IReadOnlyList<Row> Rows => LazyRows.Value;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "reference", "survival", file);

    public static double Value(string analysis, string quantity, string term = "") =>
        Rows.Single(r => r.Analysis == analysis && r.Quantity == quantity && r.Term == term).Value;

    public static IEnumerable<Row> Where(string analysis, string quantity) =>
        Rows.Where(r => r.Analysis == analysis && r.Quantity == quantity);

    /// <summary>The week in a term such as <c>t=10</c>.</summary>
    public static double Week(Row row) => double.Parse(row.Term["t=".Length..], CultureInfo.InvariantCulture);

    private static List<Row> LoadExpected()
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(PathOf("rossi_expected.csv")).Skip(1))
        {
            var f = SplitQuoted(line);
            var value = f[4] == "NA" ? double.NaN : double.Parse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture);
            rows.Add(new Row(f[0], f[1], f[2], f[3], value));
        }
        return rows;
    }

    private static string[] SplitQuoted(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else current.Append(c);
        }
        fields.Add(current.ToString().Trim());
        return [.. fields];
    }

    internal sealed record Row(string Dataset, string Analysis, string Quantity, string Term, double Value);
}
