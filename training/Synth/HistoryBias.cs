using System.Globalization;
using MatchEngine.Engine.Domain;
using MatchEngine.Training.Fairness;

namespace MatchEngine.Training.Synth;

/// <summary>
/// A known injustice written into a synthetic region's history (<c>synth --biased-history ATTRIBUTE=GROUP:FACTOR</c>): past
/// employers invited the members of one group <see cref="Factor"/> times as often as their fit warrants, so at equal fit they
/// were also hired <see cref="Factor"/> times as often. The generator's hidden truth (<see cref="Compatibility"/>) stays fair,
/// so a model can be judged against what the group deserved. Attributes: <c>gender</c>, <c>migration_background</c>,
/// <c>age_band</c> (on the vacancy's posting day).
/// </summary>
public sealed record HistoryBias(string Attribute, string Group, double Factor)
{
    /// <summary>Parses <c>ATTRIBUTE=GROUP:FACTOR</c>, e.g. <c>migration_background=niet-westers:0.5</c>; a malformed value is an <see cref="ArgumentException"/>.</summary>
    public static HistoryBias Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (eq <= 0 || colon <= eq + 1 || !double.TryParse(text.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var factor))
            throw new ArgumentException($"--biased-history moet ATTRIBUTE=GROUP:FACTOR zijn, bijvoorbeeld migration_background=niet-westers:0.5, niet '{text}'");
        var attribute = text[..eq];
        if (!ProtectedGroups.Attributes.Contains(attribute))
            throw new ArgumentException($"--biased-history: het attribuut moet {Dutch.List(ProtectedGroups.Attributes, "of")} zijn, niet '{attribute}'");
        if (!(factor is >= 0 and <= 1))
            throw new ArgumentException($"--biased-history: de factor moet 0–1 zijn (de kans van de groep bij gelijke geschiktheid, als deel van de eerlijke kans), niet {text[(colon + 1)..]}");
        return new HistoryBias(attribute, text[(eq + 1)..colon], factor);
    }

    /// <summary>The factor on <paramref name="candidate"/>'s chance of an invitation for a vacancy posted on <paramref name="day"/>: <see cref="Factor"/> for the group, else 1.</summary>
    public double On(Candidate candidate, DateOnly day) =>
        ProtectedGroups.Of(candidate, day).Contains((Attribute, Group)) ? Factor : 1;

    /// <inheritdoc/>
    public override string ToString() => $"{Attribute}={Group}:{Factor.ToString(CultureInfo.InvariantCulture)}";
}
