using MatchEngine.Tests.Support;
using MatchEngine.Training.Access;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Cli;

public sealed class TokenCommandTests
{
    private static Task<CliResult> Run(params string[] args) => CliRun.RunAsync([new TokenCommand(), new AuditCommand(), new ImportCommand()], TimeProvider.System, args);

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("169")]
    [InlineData("2147483647")]
    public async Task Token_HoursOutsideOneToAWeek_ExitsOneAndMintsNothing(string hours)
    {
        var (_, stdout, stderr) = (await Run("token", "--user", "anna", "--role", "admin", "--signing-key", AccessTokens.NewSigningKey(), "--hours", hours)).AssertExit(1);
        Assert.Empty(stdout);
        var shown = MatchEngine.Engine.Domain.Dutch.Exact(double.Parse(hours, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"--hours moet 1–168 zijn, niet {shown}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_HoursInRange_PrintsAToken()
    {
        var (_, stdout, _) = (await Run("token", "--user", "anna", "--role", "admin", "--signing-key", AccessTokens.NewSigningKey(), "--hours", "168")).AssertSucceeded();
        Assert.Equal(3, stdout.Trim().Split('.').Length);
    }

    [Fact]
    public void Mint_LifetimeNotPositive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AccessTokens.Mint(AccessTokens.NewSigningKey(), "anna", "admin", [], TimeSpan.FromHours(-1), TimeProvider.System));

    [Fact]
    public async Task Audit_EmptyCandidate_ExitsOne()
    {
        using var dir = new TempDirectory();
        var (imported, _, importError) = await Run("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"));
        Assert.True(imported == 0, importError);
        var (_, _, stderr) = (await Run("audit", "--candidate", "", "--data", dir.File("data"), "--json")).AssertExit(1);
        Assert.Contains("candidate_id", stderr, StringComparison.Ordinal);
    }
}
