namespace MatchEngine.Engine.LabelResolution;

/// <summary>
/// The plain-text format of the label files in <c>engine/LabelResolution/Data</c>: <c>[section]</c> headers, one entry per line,
/// <c>#</c> comments and blank lines ignored. The repository's files are compiled into the engine, so an edited file
/// applies from the next build (<c>dotnet run</c> rebuilds). Immutable.
/// </summary>
public sealed class LabelFile
{
    private readonly Dictionary<string, IReadOnlyList<string>> _sections;

    private LabelFile(Dictionary<string, IReadOnlyList<string>> sections) => _sections = sections;

    /// <summary>The lines of <paramref name="section"/> in file order; empty when the file has no such section.</summary>
    public IReadOnlyList<string> Section(string section) => _sections.GetValueOrDefault(section) ?? [];

    /// <summary>Parses the text of a label file; a line before the first header is refused.</summary>
    public static LabelFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current)) sections[name] = current = [];
                continue;
            }
            if (current is null) throw new FormatException($"line {number}: '{line}' comes before any [section]");
            current.Add(line);
        }
        return new LabelFile(sections.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value, StringComparer.Ordinal));
    }

    /// <summary>One of the files compiled into the engine: <c>vocabulary.txt</c>, <c>synonyms.txt</c> or <c>words.txt</c>.</summary>
    public static LabelFile Bundled(string fileName)
    {
        var assembly = typeof(LabelFile).Assembly;
        var name = $"MatchEngine.Engine.LabelResolution.Data.{fileName}";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"label file {fileName} is not compiled into {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The section of a label kind: <c>vaardigheden</c> or <c>certificaten</c>.</summary>
    public static string SectionOf(LabelKind kind) => kind == LabelKind.Skill ? "vaardigheden" : "certificaten";
}
