using MatchEngine.Training.Synth;

namespace MatchEngine.Training.Cli;

/// <summary><c>--truth additive|stepped|gated</c>: the shape of a synthetic region's hidden truth, for <c>synth</c> that draws it and <c>ceiling</c> that grades by it.</summary>
public static class TruthOption
{
    public const string Usage = "[--truth additive|stepped|gated]";

    /// <summary>The shape <c>--truth</c> names; additive when it is absent.</summary>
    public static TruthShape From(CliArgs args) => Parse(args.Get("truth", "additive")!);

    /// <summary>
    /// The shape to grade a region by: the one its <c>synth.json</c> records (<paramref name="recorded"/>, null when the
    /// data holds none), which <c>--truth</c> may repeat but not contradict; without either, additive.
    /// </summary>
    public static TruthShape For(CliArgs args, TruthShape? recorded)
    {
        if (recorded is not { } shape) return From(args);
        if (args.Get("truth") is { } given && Parse(given) != shape)
            throw new CliUsageException($"--truth {given} wijkt af van de verborgen waarheid waarmee synth deze regio maakte ({Name(shape)}, volgens {SynthSettings.FileName}); " +
                                        "laat --truth weg");
        return shape;
    }

    /// <summary>The option value that names <paramref name="shape"/>.</summary>
    public static string Name(TruthShape shape) => shape.ToString().ToLowerInvariant();

    private static TruthShape Parse(string name) => name switch
    {
        "additive" => TruthShape.Additive,
        "stepped" => TruthShape.Stepped,
        "gated" => TruthShape.Gated,
        var other => throw new CliUsageException($"--truth moet additive, stepped of gated zijn, niet '{other}'"),
    };
}
