namespace MatchEngine.Training.Cli;

/// <summary>The documented exit codes of the <c>matchengine</c> tool.</summary>
public static class ExitCodes
{
    /// <summary>Done, nothing rejected.</summary>
    public const int Ok = 0;

    /// <summary>Failed: bad usage, unknown id, missing model, I/O error.</summary>
    public const int Failure = 1;

    /// <summary>Done, but some input lines were rejected (reported on stderr).</summary>
    public const int Partial = 2;
}
