using MatchEngine.Tests.Support;
using MatchEngine.Training.Access;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Cli;

public sealed class TokenCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CommandLine([new TokenCommand(), new AuditCommand(), new ImportCommand()]).RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("169")]
    [InlineData("2147483647")]
    public async Task Token_HoursOutsideOneToAWeek_ExitsOneAndMintsNothing(string hours)
    {
        var (exit, stdout, stderr) = await Run("token", "--user", "anna", "--role", "admin", "--signing-key", AccessTokens.NewSigningKey(), "--hours", hours);
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("--hours must be 1-168", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_HoursInRange_PrintsAToken()
    {
        var (exit, stdout, _) = await Run("token", "--user", "anna", "--role", "admin", "--signing-key", AccessTokens.NewSigningKey(), "--hours", "168");
        Assert.Equal(0, exit);
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
        var (exit, _, stderr) = await Run("audit", "--candidate", "", "--data", dir.File("data"), "--json");
        Assert.Equal(1, exit);
        Assert.Contains("candidate_id", stderr, StringComparison.Ordinal);
    }
}
