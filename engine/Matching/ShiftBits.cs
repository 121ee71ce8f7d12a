using System.Numerics;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>A set of shifts as one bit per <see cref="Shift"/>, so two sets are compared with an AND.</summary>
public static class ShiftBits
{
    /// <summary>The bits of <paramref name="shifts"/>.</summary>
    public static int Of(IReadOnlyList<Shift> shifts)
    {
        var bits = 0;
        for (var i = 0; i < shifts.Count; i++) bits |= 1 << (int)shifts[i];
        return bits;
    }

    /// <summary>Number of shifts in <paramref name="bits"/>.</summary>
    public static int Count(int bits) => BitOperations.PopCount((uint)bits);
}
