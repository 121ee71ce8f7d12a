namespace MatchEngine.Engine.Domain;

/// <summary>ISCO-08 major groups: the first digit of a unit group's code.</summary>
public static class IscoGroups
{
    /// <summary>The major group of <paramref name="isco"/>; '\0' for an empty code, a group only another empty code shares.</summary>
    public static char MajorOf(string isco) => isco.Length > 0 ? isco[0] : '\0';
}
