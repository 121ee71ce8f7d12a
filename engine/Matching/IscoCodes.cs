using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>ISCO unit groups as featurizing compares them: as ids (<see cref="Interner"/>, ordinal).</summary>
internal static class IscoCodes
{
    private static readonly Interner Ids = new(StringComparer.Ordinal);

    /// <summary>The id of the unit group <paramref name="isco"/>.</summary>
    public static int Of(string isco) => Ids.Of(isco);
}
