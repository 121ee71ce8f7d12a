using MatchEngine.Engine.Domain;

namespace MatchEngine.Tests.Domain;

public sealed class DutchTests
{
    [Theory]
    [InlineData(2026, 12, 5, "5 december 2026")]
    [InlineData(2025, 1, 31, "31 januari 2025")]
    [InlineData(2025, 3, 1, "1 maart 2025")]
    public void Date_Day_DayMonthWordAndYear(int y, int m, int d, string expected) => Assert.Equal(expected, Dutch.Date(new DateOnly(y, m, d)));

    [Theory]
    [InlineData(1, "1 week")]
    [InlineData(2, "2 weken")]
    [InlineData(0, "0 weken")]
    public void Weeks_Count_UsesSingularOnlyForOne(int n, string expected) => Assert.Equal(expected, Dutch.Weeks(n));

    [Theory]
    [InlineData(1, "1 kandidaat")]
    [InlineData(999, "999 kandidaten")]
    [InlineData(1500, "1.500 kandidaten")]
    [InlineData(90053, "90.053 kandidaten")]
    public void Count_ThousandsHaveADot(int n, string expected) => Assert.Equal(expected, Dutch.Count(n, "kandidaat", "kandidaten"));

    [Theory]
    [InlineData(1, "1 maand")]
    [InlineData(3, "3 maanden")]
    public void Months_Count_UsesSingularOnlyForOne(int n, string expected) => Assert.Equal(expected, Dutch.Months(n));

    [Theory]
    [InlineData("1234.56", "€ 1.234,56")]
    [InlineData("0.5", "€ 0,50")]
    [InlineData("1234567.891", "€ 1.234.567,89")]
    [InlineData("510124.405", "€ 510.124,41")]
    [InlineData("-12", "€ -12,00")]
    public void Euro_Amount_IsWrittenTheDutchWay(string amount, string expected) =>
        Assert.Equal(expected, Dutch.Euro(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void List_ThreeItems_JoinsWithCommasAndEn()
    {
        Assert.Equal("a, b en c", Dutch.List(["a", "b", "c"]));
        Assert.Equal("a of b", Dutch.List(["a", "b"], "of"));
        Assert.Equal("a", Dutch.List(["a"]));
    }

    [Fact]
    public void Words_Levels_AreDutchNotContractCodes()
    {
        Assert.Equal("geen diploma", Dutch.Education(EducationLevel.None));
        Assert.Equal("mbo 2", Dutch.Education(EducationLevel.Mbo2));
        Assert.Equal("lager dan A1", Dutch.Language(CefrLevel.None));
        Assert.Equal("B1", Dutch.Language(CefrLevel.B1));
        Assert.Equal("12,5 uur", Dutch.Hours(12.5));
    }
}
