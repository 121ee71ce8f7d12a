using MatchEngine.Training.Synth;

namespace MatchEngine.Training.Cli;

/// <summary><c>--truth additive|stepped|gated</c>: the shape of a synthetic region's hidden truth, for <c>synth</c> that draws it and <c>ceiling</c> that grades by it.</summary>
public static class TruthOption
{
    public const string Usage = "[--truth additive|stepped|gated]";

    /// <summary>The shape <c>--truth</c> names; additive when it is absent.</summary>
    public static TruthShape From(CliArgs args) => args.Get("truth", "additive") switch
    {
        "additive" => TruthShape.Additive,
        "stepped" => TruthShape.Stepped,
        "gated" => TruthShape.Gated,
        var other => throw new CliUsageException($"--truth moet additive, stepped of gated zijn, niet '{other}'"),
    };
}
