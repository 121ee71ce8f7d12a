namespace MatchEngine.Training.Cli;

/// <summary>How a verb uses the data directory (<c>--data</c>), which decides whether a missing store is an error.</summary>
public enum DataUse
{
    /// <summary>Reads the store under the data directory (or the <c>--postgres</c> database); a missing store is an error, never created empty.</summary>
    ReadsStore,

    /// <summary>Creates the store when it does not exist yet (only <c>import</c>).</summary>
    CreatesStore,

    /// <summary>Never opens a data directory (<c>synth</c>, <c>token</c>, <c>survival</c>); <c>--data</c> and <c>--postgres</c> are not accepted.</summary>
    None,
}
