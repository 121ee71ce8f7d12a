using System.Net;
using System.Net.Sockets;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Access;

namespace MatchEngine.Tests.Api;

/// <summary>A busy port or a bad date: one line saying what to do, exit 1, no stack trace. Runs the real <c>dotnet run</c>.</summary>
public sealed class BusyPortTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("api")]
    public async Task Start_PortInUse_OneLineNamingThePortAndTheFlagAndExitOne(string what)
    {
        using var dir = new TempDirectory();
        var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        try
        {
            var port = ((IPEndPoint)holder.LocalEndpoint).Port;
            string[] args = what == "demo" ? ["demo", $"--MatchEngine:Port={port}", "--MatchEngine:ConsolePort=0"] : [$"--MatchEngine:Port={port}", "--MatchEngine:ConsolePort=0"];
            using var api = ApiProcess.Start(dir.Path, new Dictionary<string, string> { ["MatchEngine__Auth__SigningKey"] = AccessTokens.NewSigningKey() }, args);
            Assert.Equal(1, await api.ExitCodeAsync(TimeSpan.FromMinutes(3)));
            var line = Assert.Single(api.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"poort {port} op 127.0.0.1 is bezet", line, StringComparison.Ordinal);
            Assert.Contains("--MatchEngine:Port=5081", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", api.Stdout, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir.File("data"), "demo-world", "candidates.jsonl")), "nothing generated before the port check");
        }
        finally
        {
            holder.Stop();
        }
    }

    [Fact]
    public async Task Demo_Help_PrintsItsUsageAndExitsZeroWithoutStarting()
    {
        using var dir = new TempDirectory();
        using var api = ApiProcess.Start(dir.Path, null, "demo", "--help");
        Assert.Equal(0, await api.ExitCodeAsync(TimeSpan.FromMinutes(3)));
        Assert.StartsWith("gebruik: dotnet run --project api -c Release -- demo [--serve] [--as-of YYYY-MM-DD]", api.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("data")));
    }

    [Fact]
    public async Task Demo_AsOfThatIsNotADate_OneLineAndExitOne()
    {
        using var dir = new TempDirectory();
        using var api = ApiProcess.Start(dir.Path, null, "demo", "--as-of", "30-06-2025", "--MatchEngine:Port=0", "--MatchEngine:ConsolePort=0");
        Assert.Equal(1, await api.ExitCodeAsync(TimeSpan.FromMinutes(3)));
        Assert.Equal("matchengine demo: optie --as-of moet een datum (JJJJ-MM-DD) zijn, niet '30-06-2025'", api.Stderr.Trim());
    }
}
