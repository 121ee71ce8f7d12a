namespace MatchEngine.Training.Cli;

/// <summary>One verb of the <c>matchengine</c> tool.</summary>
public interface ICommand
{
    /// <summary>The verb as typed, e.g. <c>import</c>.</summary>
    string Verb { get; }

    /// <summary>
    /// One line of usage shown by <c>matchengine help</c> and <c>matchengine VERB --help</c>. Every <c>--option</c> it names
    /// is an option the verb accepts; any other option is refused (<see cref="CliUsage.Options"/>).
    /// </summary>
    string Usage { get; }

    /// <summary>Options of this verb that take no value (e.g. <c>json</c>).</summary>
    IReadOnlySet<string> Flags { get; }

    /// <summary>
    /// The most positional arguments (words that are not options) the verb takes: 0 for most verbs, 1 for <c>import DIR</c>.
    /// One more is refused before the verb runs, so a stray word is never silently ignored.
    /// </summary>
    int MaxArguments => 0;

    /// <summary>How the verb uses the data directory. Default: it reads an existing store.</summary>
    DataUse Data => DataUse.ReadsStore;

    /// <summary>Runs the verb. Returns the process exit code (0 ok, 1 failure, 2 partial: some input rejected).</summary>
    Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken);
}
