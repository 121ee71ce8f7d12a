namespace MatchEngine.Tests.Support;

/// <summary>The repository the tests were built from.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>MatchEngine.sln</c>, found upward from the test assembly.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MatchEngine.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no MatchEngine.sln above {AppContext.BaseDirectory}");
    }
}
