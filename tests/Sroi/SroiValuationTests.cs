using MatchEngine.Engine;
using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Sroi;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Sroi;

public sealed class SroiValuationTests
{
    private static readonly SroiValuationTable Table = SroiValuationTable.Default;

    [Fact]
    public void Of_EighteenHoursForHundredDaysInBijstand_IsRateTimesHalfFteTimesDaysOverYear()
    {
        var v = SroiValuation.Of(Table, SroiBlock.Bijstand, 18m, 100);

        Assert.Equal(35_000m, v.RatePerFteYearEur);
        Assert.Equal(0.5m, v.Fte);
        Assert.Equal(100, v.Days);
        Assert.Equal(4794.52m, v.ValueEur);
    }

    [Fact]
    public void Of_MoreThanFullTime_IsCappedAtOneFte()
    {
        var v = SroiValuation.Of(Table, SroiBlock.Doelgroepregister, 40m, 365);

        Assert.Equal(1m, v.Fte);
        Assert.Equal(40_000m, v.ValueEur);
    }

    [Theory]
    [InlineData(SroiBlock.Bijstand, 35_000)]
    [InlineData(SroiBlock.BijstandLongTerm, 40_000)]
    [InlineData(SroiBlock.Doelgroepregister, 40_000)]
    [InlineData(SroiBlock.Leerwerk, 25_000)]
    [InlineData(SroiBlock.CarvedRole, 40_000)]
    public void RateOf_Defaults_AreTheDocumentedAmounts(SroiBlock block, int euros) => Assert.Equal(euros, Table.RateOf(block));

    [Fact]
    public void BlockOf_PersonInSeveralBlocks_CountsOnceInTheHighest()
    {
        var placement = SroiStore.Placement("p1", "c1", "emp-1", new DateOnly(2025, 1, 1), 20) with { Instruments = [Instrument.Leerwerk] };

        Assert.Equal(SroiBlock.Leerwerk, new SroiValuationTable { LeerwerkEur = 50_000m }.BlockOf(placement, Records.Candidate("c1") with { MonthsInBijstand = 3 }));
        Assert.Equal(SroiBlock.BijstandLongTerm, Table.BlockOf(placement, Records.Candidate("c1") with { MonthsInBijstand = 24 }));
        Assert.Equal(SroiBlock.Bijstand, Table.BlockOf(placement with { Instruments = [] }, Records.Candidate("c1") with { MonthsInBijstand = 23 }));
        Assert.Equal(SroiBlock.Doelgroepregister, Table.BlockOf(placement, Records.Candidate("c1") with { MonthsInBijstand = 3, Doelgroepregister = true }));
    }

    [Fact]
    public void Load_OverridesFile_ChangesOnlyTheGivenAmounts()
    {
        using var dir = new TempDirectory();
        var file = dir.File("sroi.json");
        File.WriteAllText(file, """{ "bijstand_eur": 30000, "full_time_hours_per_week": 38 }""");

        var table = SroiValuationTable.Load(file);

        Assert.Equal(30_000m, table.BijstandEur);
        Assert.Equal(38m, table.FullTimeHoursPerWeek);
        Assert.Equal(40_000m, table.DoelgroepregisterEur);
        Assert.Equal(35_000m, table.RateOf(SroiBlock.CarvedRole));
    }

    [Fact]
    public void Load_UnknownFieldOrNegativeRate_FailsNamingTheFile()
    {
        using var dir = new TempDirectory();
        var file = dir.File("sroi.json");
        File.WriteAllText(file, """{ "bijstnd_eur": 30000 }""");
        Assert.Contains("sroi.json", Assert.Throws<PreconditionFailedException>(() => SroiValuationTable.Load(file)).Message, StringComparison.Ordinal);
        File.WriteAllText(file, """{ "leerwerk_eur": -1 }""");
        Assert.Throws<PreconditionFailedException>(() => SroiValuationTable.Load(file));
    }

    [Theory]
    [InlineData("{ \"bijstnd_eur\": 30000 }", "regel 1, teken 17, bij bijstnd_eur")]
    [InlineData("{\n  \"leerwerk_eur\": 25000,\n  \"days_per_year\": }", "regel 3, teken 20, bij days_per_year")]
    public void Load_NotTheExpectedJson_SaysWhereInDutchWithoutTheSerializersEnglish(string json, string where)
    {
        using var dir = new TempDirectory();
        var file = dir.File("sroi.json");
        File.WriteAllText(file, json);
        var message = Assert.Throws<PreconditionFailedException>(() => SroiValuationTable.Load(file)).Message;
        Assert.Equal($"SROI-waarderingsbestand '{file}' is geen geldige JSON of heeft een onbekend veld of een waarde van de verkeerde soort ({where})", message);
    }

    [Theory]
    [InlineData("{ \"leerwerk_eur\": -1 }", "leerwerk_eur moet ≥ 0 zijn, niet -1")]
    [InlineData("{ \"full_time_hours_per_week\": 70 }", "full_time_hours_per_week moet > 0 en ≤ 60 zijn, niet 70")]
    [InlineData("{ \"days_per_year\": 400.5 }", "days_per_year moet 360–366 zijn, niet 400,5")]
    public void Load_ValueOutOfRange_NamesTheFieldAndEchoesTheValue(string json, string reason)
    {
        using var dir = new TempDirectory();
        var file = dir.File("sroi.json");
        File.WriteAllText(file, json);
        Assert.Equal($"SROI-waardering {file}: {reason}", Assert.Throws<PreconditionFailedException>(() => SroiValuationTable.Load(file)).Message);
    }

    [Fact]
    public void Load_AFolder_SaysItIsAFolder()
    {
        using var dir = new TempDirectory();
        Assert.Equal($"SROI-waarderingsbestand {dir.Path} is een map; geef het JSON-bestand",
            Assert.Throws<PreconditionFailedException>(() => SroiValuationTable.Load(dir.Path)).Message);
    }
}
