using MatchEngine.Training.Cli;

namespace MatchEngine.Tests.Support;

/// <summary>Runs the matchengine CLI in process, as <c>Program</c> does, and keeps what it wrote.</summary>
public static class CliRun
{
    /// <summary>Runs <paramref name="args"/> with every verb on <paramref name="clock"/>.</summary>
    public static Task<CliResult> RunAsync(TimeProvider clock, params string[] args) => RunAsync(Verbs.All(), clock, args);

    /// <summary>Runs <paramref name="args"/> with only <paramref name="commands"/> on <paramref name="clock"/>.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyList<ICommand> commands, TimeProvider clock, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await new CommandLine(commands).RunAsync(args, stdout, stderr, clock);
        return new CliResult(exit, stdout.ToString(), stderr.ToString()) { Args = args };
    }
}

/// <summary>One run of the CLI: its exit code, stdout and stderr, and the arguments it was given.</summary>
public sealed record CliResult(int Exit, string Out, string Err)
{
    /// <summary>The arguments, for a failure message.</summary>
    public required IReadOnlyList<string> Args { get; init; }

    /// <summary>The last line of stdout, where a <c>--json</c> command prints its answer.</summary>
    public string LastLine => Out.TrimEnd().Split('\n')[^1];

    /// <summary>This run when it exited 0; otherwise fails the test with the command line and its stderr.</summary>
    public CliResult AssertSucceeded() => AssertExit(0);

    /// <summary>This run when it exited <paramref name="expected"/>; otherwise fails the test with the command line and its stderr.</summary>
    public CliResult AssertExit(int expected)
    {
        if (Exit != expected) Assert.Fail($"matchengine {string.Join(' ', Args)} exited {Exit}, expected {expected}. stderr:\n{Err}");
        return this;
    }
}
