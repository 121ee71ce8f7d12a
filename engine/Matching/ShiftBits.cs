using System.Numerics;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Matching;

/// <summary>A set of shifts as one bit per <see cref="Shift"/>, so two sets are compared with an AND.</summary>
public static class ShiftBits
{
    /// <summary>The bits of <paramref name="shifts"/>.</summary>
    public static int Of(IEnumerable<Shift> shifts) => shifts.Aggregate(0, (bits, s) => bits | 1 << (int)s);

    /// <summary>Number of shifts in <paramref name="bits"/>.</summary>
    public static int Count(int bits) => BitOperations.PopCount((uint)bits);
}
