using MatchEngine.Engine.Access;
using Microsoft.Playwright;

namespace MatchEngine.Tests.Console;

/// <summary>One page per role that the role must not reach: a Dutch "geen toegang" page with status 403, no data.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ForbiddenPagesTests(ConsoleFixture console)
{
    [Theory]
    [InlineData(Roles.Accountmanager, "/modellen")]
    [InlineData(Roles.Accountmanager, "/audit")]
    [InlineData(Roles.Accountmanager, "/catalogus")]
    [InlineData(Roles.DataScientist, "/catalogus")]
    [InlineData(Roles.Consulent, "/sroi")]
    [InlineData(Roles.SroiMakelaar, "/nazorg")]
    [InlineData(Roles.DataScientist, "/vacatures")]
    [InlineData(Roles.DataScientist, "/kandidaten/c-1")]
    [InlineData(Roles.DataScientist, "/kandidaten")]
    public async Task Page_RoleMayNotReachIt_GeenToegang(string role, string path)
    {
        var page = await console.SignInAsync($"verboden-{role}", role, ConsoleFixture.Region);
        var response = await page.GotoAsync($"{console.ConsoleAddress}{path}");
        Assert.Equal(403, response!.Status);
        Assert.Equal("Geen toegang — MatchEngine", await page.TitleAsync());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("U heeft met uw rol geen toegang tot deze pagina.");
        await ConsoleFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AuditTrail_AdminWhoIsAlsoARegionalAccountmanager_NotOfferedAndRefusedInOneDutchSentence()
    {
        var page = await console.SignInAsync("admin-regionaal", [Roles.Admin, Roles.Accountmanager], ConsoleFixture.Region);
        Assert.Equal(0, await page.Locator("a[href='/audit']").CountAsync());
        Assert.True(await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Modellen" }).IsVisibleAsync());
        foreach (var path in new[] { "/audit?gebruiker=am-uitnodiging", "/audit" })
        {
            var response = await page.GotoAsync($"{console.ConsoleAddress}{path}");
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
                "U heeft hier geen toegang toe: de audittrail geldt voor alle regio's, en uw rol accountmanager+admin mag alleen de eigen regio's zien.");
            Assert.Equal(0, await page.Locator("tbody tr").CountAsync());
        }
    }
}
