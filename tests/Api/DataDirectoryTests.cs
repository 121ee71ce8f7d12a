using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using MatchEngine.Api.V1;
using MatchEngine.Tests.Support;
using MatchEngine.Training.Access;
using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Api;

/// <summary>
/// The README's flow: import with the CLI into <c>./data</c>, then <c>dotnet run --project api</c> from the same folder
/// serves that store. Runs the real <c>dotnet run</c> on the built api, from a folder that is not the api's project folder.
/// </summary>
public sealed partial class DataDirectoryTests
{
    [Fact]
    public async Task DotnetRunApi_DefaultDataDirectory_ServesWhatTheCliImportedFromTheSameFolder()
    {
        using var dir = new TempDirectory();
        // The CLI's default --data is ./data of the folder it runs in; the test names that folder explicitly.
        (await Cli("import", ContractSamples.WriteFolder(dir.File("world")), "--data", dir.File("data"))).AssertSucceeded();

        var signingKey = AccessTokens.NewSigningKey();
        using var api = ApiProcess.Start(dir.Path, new Dictionary<string, string> { ["MatchEngine__Auth__SigningKey"] = signingKey }, "--MatchEngine:Port=0", "--MatchEngine:ConsolePort=0");
        var address = (await api.WaitForAsync(Listening(), TimeSpan.FromMinutes(3))).Groups[1].Value;
        Assert.Contains($"Data directory {dir.File("data")} (store: SQLite {Path.Combine(dir.File("data"), "store.db")})", api.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("No store.db", api.Stdout, StringComparison.Ordinal);

        var token = AccessTokens.Mint(signingKey, "anna", "accountmanager", ["GV"], TimeSpan.FromHours(1), TimeProvider.System);
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var record = await new Catalog.CatalogClient(channel).GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = "vac-1" }, cancellationToken: deadline.Token);
        Assert.Equal("Heftruckchauffeur", record.Vacancy.Title);
    }

    [Fact]
    public async Task DotnetRunApi_NoStoreInTheDataDirectory_WarnsWithTheImportCommand()
    {
        using var dir = new TempDirectory();
        using var api = ApiProcess.Start(dir.Path, new Dictionary<string, string> { ["MatchEngine__Auth__SigningKey"] = AccessTokens.NewSigningKey() }, "--MatchEngine:Port=0",
            "--MatchEngine:ConsolePort=0");
        await api.WaitForAsync(Listening(), TimeSpan.FromMinutes(3));
        Assert.Contains($"No store.db in {dir.File("data")}: serving an empty store. Import a contract folder first (matchengine import DIR --data {dir.File("data")})", api.Stdout,
            StringComparison.Ordinal);
    }

    private static Task<CliResult> Cli(params string[] args) => CliRun.RunAsync(TimeProvider.System, args);

    [GeneratedRegex(@"Now listening on: (http://[^\s]+)")]
    private static partial Regex Listening();
}
