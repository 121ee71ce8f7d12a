using System.Globalization;
using System.Text;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// Folds letters with accents and other marks to ASCII ("é" → "e", "ß" → "ss", "ĳ" → "ij") character by character, exactly as
/// Lucene's <c>ASCIIFoldingFilter</c> in the index's analyzer does, from the table in <c>Data/ascii-folding.txt</c> (every
/// character Lucene's filter changes). Keeps the domain free of Lucene; a test holds the table to the Lucene version the index
/// uses. Thread-safe.
/// </summary>
internal static class AsciiFolding
{
    private static readonly Dictionary<char, string> Table = Load();

    /// <summary><paramref name="text"/> with every character in the table replaced; the rest as it is.</summary>
    public static string Fold(string text)
    {
        var first = text.AsSpan().IndexOfAnyExceptInRange((char)0, (char)0x7F);
        if (first < 0) return text;
        var folded = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (Table.TryGetValue(text[i], out var ascii)) folded.Append(ascii);
            else folded.Append(text[i]);
        }
        return folded.ToString();
    }

    private static Dictionary<char, string> Load()
    {
        const string Name = "MatchEngine.Engine.Domain.Data.ascii-folding.txt";
        using var stream = typeof(AsciiFolding).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"{Name} is not compiled into the engine");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            table.Add((char)int.Parse(line.AsSpan(0, tab), NumberStyles.HexNumber, CultureInfo.InvariantCulture), line[(tab + 1)..]);
        }
        return table;
    }
}
