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
            stderr.WriteLine($"matchengine: onbekende opdracht '{args[0]}'");
            PrintUsage(stderr);
            return ExitCodes.Failure;
        }
        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            stdout.WriteLine(CliUsage.Help(command));
            return ExitCodes.Ok;
        }
        try
        {
            var parsed = CliArgs.Parse(args.Skip(1), command.Flags, CliUsage.Options(command));
            if (parsed.TooManyArguments(command.MaxArguments) is { } stray) throw stray;
            var context = new CliContext(Path.GetFullPath(parsed.Get("data", "./data")!), stdout, stderr, time, parsed.Get("postgres"));
            if (command.Data == DataUse.ReadsStore) RequireStore(context);
            return await command.RunAsync(parsed, context, cancellationToken);
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"matchengine {command.Verb}: {e.Message}");
            stderr.WriteLine(CliUsage.Help(command));
            return ExitCodes.Failure;
        }
        catch (CliFailureException e)
        {
            stderr.WriteLine($"matchengine {command.Verb}: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A path the verb could not read or write: the user can act on it, though .NET's own text for it is English.
            stderr.WriteLine($"matchengine {command.Verb}: lezen of schrijven mislukt ({e.GetType().Name}); controleer de paden die u gaf en de rechten erop");
            if (Environment.GetEnvironmentVariable(DebugVariable) is { Length: > 0 }) stderr.WriteLine(e.ToString());
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failure no verb anticipated: one line a person can report, the stack trace only when asked for.
            stderr.WriteLine($"matchengine {command.Verb}: interne fout: {e.GetType().Name}; meld dit met de opdracht die u gaf");
            if (Environment.GetEnvironmentVariable(DebugVariable) is { Length: > 0 }) stderr.WriteLine(e.ToString());
            return ExitCodes.Failure;
        }
    }

    /// <summary>The environment variable that, set to anything, adds an internal failure's details to its one line.</summary>
    public const string DebugVariable = "MATCHENGINE_DEBUG";

    // Only import creates a store: a verb that reads one on a mistyped --data would otherwise create an empty store and
    // answer from it as if the region had no records. With --postgres the store is the database and the data directory
    // holds only the index (rebuilt from the store) and the models.
    private static void RequireStore(CliContext context)
    {
        if (context.Postgres is not null || File.Exists(context.Layout.StorePath)) return;
        var what = Directory.Exists(context.DataDirectory) ? $"geen store in {context.DataDirectory} (store.db ontbreekt)" : $"datamap bestaat niet: {context.DataDirectory}";
        throw new CliFailureException($"{what}; importeer eerst een contractmap (matchengine import DIR --data {context.DataDirectory}), " +
                                      "of laat --data wijzen naar de map die import heeft geschreven");
    }

    private void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("gebruik: matchengine <verb> [options]   (algemene opties: --data DIR, standaard ./data; " +
                         "--postgres CONNSTR, een gedeelde PostgreSQL-store in plaats van DIR/store.db; matchengine VERB --help voor één opdracht)");
        foreach (var c in commands) writer.WriteLine($"  {c.Usage}");
    }
}

/// <summary>A failure the user can act on (unknown id, no trained model): printed without a stack trace, exit 1.</summary>
public sealed class CliFailureException(string message) : Exception(message);
