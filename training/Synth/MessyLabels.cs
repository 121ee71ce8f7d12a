using System.Text;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>One label the generator rewrote: the candidate, the list it is in, the vocabulary's label and what was typed instead.</summary>
/// <param name="Field"><c>skills</c> or <c>certificates</c>.</param>
/// <param name="How"><c>name</c>, <c>wrapper</c>, <c>compound</c>, <c>typo</c>, <c>case</c>, or two of them joined by <c>+</c>.</param>
public sealed record RewrittenLabel(string CandidateId, string Field, string Canonical, string Typed, string How);

/// <summary>
/// Rewrites a share of the candidates' skills and certificates as people type them (<c>synth --messy SHARE</c>): other
/// names (<see cref="TypedLabelVariants"/>), wrappers ("ervaring met …"), compounds joined or split, typos, capitals.
/// Runs on a finished world with its own seeded dice, so everything else — vacancies, history, outcomes, the truth —
/// stays byte for byte what the clean region holds.
/// </summary>
public sealed class MessyLabels(double share, int seed)
{
    private readonly Dice _dice = new(unchecked(seed * 7919 + 104729));

    /// <summary><paramref name="world"/> with rewritten candidates, and every label rewritten.</summary>
    public (World World, IReadOnlyList<RewrittenLabel> Rewritten) Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (share is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(share), share, "a share lies between 0 and 1");
        var rewritten = new List<RewrittenLabel>();
        var candidates = world.Candidates.Select(c => c with
        {
            Skills = Rewrite(c.Id, "skills", c.Skills, rewritten),
            Certificates = Rewrite(c.Id, "certificates", c.Certificates, rewritten),
        }).ToArray();
        return (world with { Candidates = candidates }, rewritten);
    }

    private string[] Rewrite(string candidateId, string field, IReadOnlyList<string> labels, List<RewrittenLabel> rewritten)
    {
        var result = labels.ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            if (!_dice.Chance(share)) continue;
            var (typed, how) = Typed(result[i]);
            if (Labels.Same(typed, result[i])) continue;
            rewritten.Add(new RewrittenLabel(candidateId, field, result[i], typed, how));
            result[i] = typed;
        }
        return result;
    }

    private (string Typed, string How) Typed(string label)
    {
        var ways = new List<(string How, double Weight)> { ("wrapper", 0.25), ("typo", 0.25), ("case", 0.05) };
        if (TypedLabelVariants.Names.ContainsKey(label)) ways.Add(("name", 0.3));
        if (label.Contains(' ', StringComparison.Ordinal) || label.Contains('-', StringComparison.Ordinal) || TypedLabelVariants.Splits.ContainsKey(label))
            ways.Add(("compound", 0.15));
        var how = _dice.Weighted(ways.ToArray());
        var typed = Apply(how, label);
        if (how != "case" && _dice.Chance(0.2))
        {
            var second = how == "wrapper" ? "typo" : "wrapper";
            return (Apply(second, typed), $"{how}+{second}");
        }
        return (typed, how);
    }

    private string Apply(string how, string label) => how switch
    {
        "name" => _dice.Pick(TypedLabelVariants.Names[label]),
        "wrapper" => _dice.Pick(TypedLabelVariants.Wrappers).Replace("{0}", label, StringComparison.Ordinal),
        "compound" => TypedLabelVariants.Splits.TryGetValue(label, out var split) ? split : label.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal),
        "typo" => Typo(label),
        _ => _dice.Chance(0.5) ? label.ToUpperInvariant() : char.ToUpperInvariant(label[0]) + label[1..] + ".",
    };

    /// <summary>One slip of the keyboard in the longest word: two letters swapped, one dropped, doubled or replaced by its neighbour on the keyboard.</summary>
    private string Typo(string label)
    {
        var words = label.Split(' ');
        var w = Array.IndexOf(words, words.MaxBy(x => x.Length));
        var word = words[w];
        if (word.Length < 5) return label;
        var at = _dice.Int(1, word.Length - 1);
        var b = new StringBuilder(word);
        switch (_dice.Int(0, 4))
        {
            case 0:
                (b[at], b[at + 1]) = (b[at + 1], b[at]);
                break;
            case 1:
                b.Remove(at, 1);
                break;
            case 2:
                b.Insert(at, b[at]);
                break;
            default:
                b[at] = Neighbour(b[at]);
                break;
        }
        words[w] = b.ToString();
        return string.Join(' ', words);
    }

    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    private char Neighbour(char c)
    {
        foreach (var row in KeyboardRows)
        {
            var i = row.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            if (i < 0) continue;
            return i == 0 ? row[1] : i == row.Length - 1 ? row[i - 1] : row[_dice.Chance(0.5) ? i - 1 : i + 1];
        }
        return c;
    }
}
