using MatchEngine.Api.Hosting;
using MatchEngine.Engine.Sroi;
using MatchEngine.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MatchEngine.Tests.Sroi;

public sealed class SroiValuationConfigurationTests
{
    [Fact]
    public async Task ApiHost_SroiValuationPathConfigured_ServesTheRegionsTable()
    {
        using var dir = new TempDirectory();
        var file = dir.File("sroi.json");
        File.WriteAllText(file, """{ "bijstand_eur": 30000, "carved_role_bonus_eur": 2500 }""");
        await using var app = ApiHost.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MatchEngine:DataDirectory"] = dir.File("data"),
            ["MatchEngine:Port"] = "0",
            ["MatchEngine:ConsolePort"] = "0",
            ["MatchEngine:SroiValuationPath"] = file,
        }));

        var table = app.Services.GetRequiredService<SroiValuationTable>();

        Assert.Equal(30_000m, table.BijstandEur);
        Assert.Equal(32_500m, table.RateOf(SroiBlock.CarvedRole));
        Assert.Equal(40_000m, table.DoelgroepregisterEur);
    }

    [Fact]
    public async Task ApiHost_NoSroiValuationPath_ServesTheDocumentedDefaults()
    {
        using var dir = new TempDirectory();
        await using var app = ApiHost.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MatchEngine:DataDirectory"] = dir.File("data"),
            ["MatchEngine:Port"] = "0",
            ["MatchEngine:ConsolePort"] = "0",
        }));

        Assert.Same(SroiValuationTable.Default, app.Services.GetRequiredService<SroiValuationTable>());
    }
}
