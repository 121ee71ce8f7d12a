using System.Text;
using System.Text.Json;
using MatchEngine.Engine.Contract;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// The answer key of a messy region: <c>messy-labels.jsonl</c> beside the contract files, one <see cref="RewrittenLabel"/>
/// per line. Not a contract file (import reads only the contract's files); <c>labels --check</c> measures the resolver
/// against it and <c>ceiling --clean-labels</c> puts the vocabulary's labels back for the generator's truth.
/// </summary>
public static class RewrittenLabelFile
{
    /// <summary>The file's name in a region's folder.</summary>
    public const string FileName = "messy-labels.jsonl";

    /// <summary>Writes <paramref name="labels"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<RewrittenLabel> labels)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var label in labels) writer.WriteLine(JsonSerializer.Serialize(label, ContractJson.Options));
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    public static IReadOnlyList<RewrittenLabel> Read(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonSerializer.Deserialize<RewrittenLabel>(l, ContractJson.Options)!).ToArray();

    /// <summary>
    /// A function giving a candidate back the labels the generator drew (the truth's), in place of what <paramref name="labels"/>
    /// says was typed instead.
    /// </summary>
    public static Func<Candidate, Candidate> Restorer(IReadOnlyList<RewrittenLabel> labels)
    {
        var byCandidate = labels.GroupBy(l => l.CandidateId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return c => byCandidate.TryGetValue(c.Id, out var mine)
            ? c with
            {
                Skills = Restore(c.Skills, mine.Where(l => l.Field == "skills")),
                Certificates = Restore(c.Certificates, mine.Where(l => l.Field == "certificates")),
            }
            : c;
    }

    private static string[] Restore(IReadOnlyList<string> typed, IEnumerable<RewrittenLabel> rewrites)
    {
        var result = typed.ToArray();
        foreach (var r in rewrites)
        {
            var i = Array.IndexOf(result, r.Typed);
            if (i >= 0) result[i] = r.Canonical;
        }
        return result;
    }
}
