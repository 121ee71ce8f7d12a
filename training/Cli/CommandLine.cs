namespace MatchEngine.Training.Cli;

/// <summary>Dispatches <c>matchengine &lt;verb&gt; [options]</c> to its <see cref="ICommand"/>.</summary>
public sealed class CommandLine(IReadOnlyList<ICommand> commands)
{
    /// <summary>Runs the verb named by the first argument and returns the exit code.</summary>
    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintUsage(args.Length == 0 ? stderr : stdout);
            return args.Length == 0 ? ExitCodes.Failure : ExitCodes.Ok;
        }
        var command = commands.FirstOrDefault(c => c.Verb == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"matchengine: unknown verb '{args[0]}'");
            PrintUsage(stderr);
            return ExitCodes.Failure;
        }
        try
        {
            var parsed = CliArgs.Parse(args.Skip(1), command.Flags);
            var context = new CliContext(Path.GetFullPath(parsed.Get("data", "./data")!), stdout, stderr, time, parsed.Get("postgres"));
            return await command.RunAsync(parsed, context, cancellationToken);
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"matchengine {command.Verb}: {e.Message}");
            stderr.WriteLine($"usage: matchengine {command.Usage}");
            return ExitCodes.Failure;
        }
        catch (CliFailureException e)
        {
            stderr.WriteLine($"matchengine {command.Verb}: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("usage: matchengine <verb> [options]   (common options: --data DIR, default ./data; --postgres CONNSTR, a shared PostgreSQL store instead of DIR/store.db)");
        foreach (var c in commands) writer.WriteLine($"  {c.Usage}");
    }
}

/// <summary>A failure the user can act on (unknown id, no trained model): printed without a stack trace, exit 1.</summary>
public sealed class CliFailureException(string message) : Exception(message);
