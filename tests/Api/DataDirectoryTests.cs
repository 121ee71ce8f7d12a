using System.Diagnostics;
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
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task DotnetRunApi_DefaultDataDirectory_ServesWhatTheCliImportedFromTheSameFolder()
    {
        using var dir = new TempDirectory();
        var (imported, _, error) = await Cli(dir.Path, "import", ContractSamples.WriteFolder(dir.File("world")));
        Assert.True(imported == 0, error);

        var signingKey = AccessTokens.NewSigningKey();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", "--no-build", "-c", Configuration, "--project", Path.Combine(RepositoryRoot(), "api"), "--", "--MatchEngine:Port=0" })
            start.ArgumentList.Add(a);
        start.Environment["MatchEngine__Auth__SigningKey"] = signingKey;
        using var api = Process.Start(start)!;
        var lines = new List<string>();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        api.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
        };
        api.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(3));
            string output;
            lock (lines) output = string.Join('\n', lines);
            Assert.Contains($"Data directory {Path.Combine(dir.Path, "data")} (store: SQLite {Path.Combine(dir.Path, "data", "store.db")})", output, StringComparison.Ordinal);
            Assert.DoesNotContain("No store.db", output, StringComparison.Ordinal);

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
            var record = await new Catalog.CatalogClient(channel).GetAsync(new RecordRef { Kind = EntityKind.Vacancy, Id = "vac-1" },
                cancellationToken: deadline.Token);
            Assert.Equal("Heftruckchauffeur", record.Vacancy.Title);
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }
    }

    private static async Task<(int Exit, string Out, string Err)> Cli(string workingDirectory, params string[] args)
    {
        // The CLI resolves --data's default ./data against the process's folder, as when started from workingDirectory.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CommandLine(Verbs.All()).RunAsync([.. args, "--data", Path.Combine(workingDirectory, "data")], stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MatchEngine.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no MatchEngine.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s]+)")]
    private static partial Regex Listening();
}
