using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Conventions;

/// <summary>
/// The line-length limit of <c>.editorconfig</c> (<c>max_line_length</c>), which the compiler does not enforce: no C# or
/// Razor line in the code folders is longer than <see cref="MaxLength"/> characters.
/// </summary>
public sealed class LineLengthTests
{
    public const int MaxLength = 200;

    private static readonly string[] CodeFolders = ["engine", "models", "training", "api", "tests", "benchmarks"];

    [Fact]
    public void SourceLines_InTheCodeFolders_AreAtMost200Characters()
    {
        var root = Repository.Root();
        var tooLong = CodeFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(path => !IsBuildOutput(Path.GetRelativePath(root, path)))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (Path: Path.GetRelativePath(root, path), Line: i + 1, Length: line.EnumerateRunes().Count())))
            .Where(x => x.Length > MaxLength)
            .Select(x => $"{x.Path}:{x.Line} ({x.Length} characters)")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(tooLong.Length == 0, $"{tooLong.Length} lines over {MaxLength} characters; wrap them:\n{string.Join('\n', tooLong)}");
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules");
}
