namespace MatchEngine.Benchmarks.Support;

/// <summary>
/// Seeded data shared by the processes of one benchmark run: BenchmarkDotNet starts one process per method and
/// parameter, and generating, importing or training the same seeded data in each costs minutes (a 400,000
/// candidate region takes several). Entries live under <c>$TMPDIR/matchengine-bench-cache/</c>, are complete once
/// their <c>.complete</c> marker exists, and are kept after the run; delete that folder after changing the
/// synthetic generator, the importer or the trainer. Benchmarks must only read what they get from here.
/// </summary>
internal static class BenchmarkCache
{
    /// <summary>The root folder of all cached entries.</summary>
    public static string Root => Path.Combine(Path.GetTempPath(), "matchengine-bench-cache");

    /// <summary>
    /// The folder of entry <paramref name="key"/>, filled by <paramref name="build"/> (given an empty folder) unless a
    /// previous process completed it.
    /// </summary>
    public static string GetOrBuild(string key, Action<string> build)
    {
        var dir = Path.Combine(Root, key);
        var marker = Path.Combine(dir, ".complete");
        if (File.Exists(marker))
        {
            Console.WriteLine($"// reusing {dir}");
            return dir;
        }
        SyntheticRegion.Delete(dir);
        Directory.CreateDirectory(dir);
        build(dir);
        File.WriteAllText(marker, key);
        return dir;
    }
}
