using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>ISCO codes as featurizing compares them: unit groups as ids (<see cref="Interner"/>, ordinal), major groups as the code's first digit.</summary>
internal static class IscoCodes
{
    private static readonly Interner Ids = new(StringComparer.Ordinal);

    /// <summary>The id of the unit group <paramref name="isco"/>.</summary>
    public static int Of(string isco) => Ids.Of(isco);

    /// <summary>The major group of <paramref name="isco"/>: its first digit ('\0' for an empty code, which only an empty code shares).</summary>
    public static char MajorGroup(string isco) => isco.Length > 0 ? isco[0] : '\0';
}
