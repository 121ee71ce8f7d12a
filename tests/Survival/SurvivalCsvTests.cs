using MatchEngine.Models.Survival;

namespace MatchEngine.Tests.Survival;

public class SurvivalCsvTests
{
    private static SurvivalData Parse(string csv) =>
        SurvivalCsv.Parse(new StringReader(csv), "t", "e", ["a", "b"]);

    private static string Error(string csv) => Assert.Throws<SurvivalCsvException>(() => Parse(csv)).Message;

    [Fact]
    public void Parse_ValidCsv_ReadsColumnsByName()
    {
        var data = Parse("b,\"t\",e,a\n1.5,10,1,0\n-2,3.25,0,1\n\n");
        Assert.Equal([10.0, 3.25], data.Time);
        Assert.Equal([true, false], data.Event);
        Assert.Equal([0.0, 1.5], data.Covariates[0]);
        Assert.Equal([1.0, -2], data.Covariates[1]);
        Assert.Equal(["a", "b"], data.CovariateNames);
    }

    [Fact]
    public void Parse_MissingColumn_NamesColumn() =>
        Assert.Contains("kolom 'b' staat niet in de kopregel", Error("t,e,a\n1,1,0\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_NonNumericCovariate_NamesRowAndColumn() =>
        Assert.Contains("regel 2, kolom 'b': 'x' is geen eindig getal", Error("t,e,a,b\n1,1,0,0\n2,0,1,x\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_NegativeTime_NamesRowAndColumn() =>
        Assert.Contains("regel 3, kolom 't': tijd -1 is negatief", Error("t,e,a,b\n1,1,0,0\n2,0,1,1\n-1,1,0,0\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_EventNotZeroOrOne_NamesRowAndColumn() =>
        Assert.Contains("regel 1, kolom 'e': de gebeurtenis moet 0 of 1 zijn, niet '2'", Error("t,e,a,b\n1,2,0,0\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_NoEvents_SaysSo() =>
        Assert.Contains("heeft geen gebeurtenissen", Error("t,e,a,b\n1,0,0,0\n2,0,1,1\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_WrongFieldCount_NamesRow() =>
        Assert.Contains("regel 2: 3 velden", Error("t,e,a,b\n1,1,0,0\n2,0,1\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_HeaderOnly_SaysNoDataRows() =>
        Assert.Contains("geen gegevensregels", Error("t,e,a,b\n"), StringComparison.Ordinal);

    [Fact]
    public void Load_MissingFile_ThrowsCsvException() =>
        Assert.Throws<SurvivalCsvException>(() => SurvivalCsv.Load(Path.Combine(Path.GetTempPath(), "no-such-survival.csv"), "t", "e", ["a"]));

    [Fact]
    public void Load_Rossi_ReadsAllRows()
    {
        var data = RossiReference.Data;
        Assert.Equal(432, data.Count);
        Assert.Equal(114, data.Event.Count(e => e));
    }
}
