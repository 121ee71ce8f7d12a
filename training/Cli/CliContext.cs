namespace MatchEngine.Training.Cli;

/// <summary>What every verb gets: the data directory, output streams and the clock.</summary>
/// <param name="DataDirectory">Where store, index and models live (<c>--data</c>, default <c>./data</c>).</param>
public sealed record CliContext(string DataDirectory, TextWriter Out, TextWriter Error, TimeProvider Time);
