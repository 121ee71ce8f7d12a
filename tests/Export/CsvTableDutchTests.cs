using MatchEngine.Tests.Support;
using MatchEngine.Training.Export;

namespace MatchEngine.Tests.Export;

public class CsvTableDutchTests
{
    [Fact]
    public void ForDutchSpreadsheets_WritesSemicolonsDecimalCommasAndAByteOrderMark()
    {
        using var dir = new TempDirectory();
        using (var csv = new CsvTable(dir.File("t.csv"), ["route", "kosten"], forDutchSpreadsheets: true))
            csv.Row("VCA; basis", 1234.5m);
        var bytes = File.ReadAllBytes(dir.File("t.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("route;kosten\n\"VCA; basis\";1234,5\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
