using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>
/// How the labels resolved at import compare with a messy region's answer key: of the rewritten labels, how many
/// resolved to the vocabulary's label (recall), to another label (wrong) or to none; of the untouched labels, how many
/// resolved to a label other than themselves. Precision is right / (right + wrong) over the rewritten labels.
/// </summary>
public sealed record ResolverAccuracy(int Rewritten, int Right, int Wrong, int Unresolved, int Untouched, int UntouchedWrong, int UntouchedUnresolved,
    IReadOnlyDictionary<string, (int Rewritten, int Right)> ByWay)
{
    /// <summary>Share of the rewritten labels resolved to their vocabulary label.</summary>
    public double Recall => Rewritten == 0 ? 1 : Right / (double)Rewritten;

    /// <summary>Share of the resolved rewritten labels resolved to the right label.</summary>
    public double Precision => Right + Wrong == 0 ? 1 : Right / (double)(Right + Wrong);

    /// <summary>Share of the untouched labels resolved to another label.</summary>
    public double UntouchedWrongRate => Untouched == 0 ? 0 : UntouchedWrong / (double)Untouched;

    /// <summary>Compares the stored <paramref name="candidates"/> with the answer key <paramref name="rewritten"/>.</summary>
    public static ResolverAccuracy Measure(IEnumerable<Candidate> candidates, IReadOnlyList<RewrittenLabel> rewritten)
    {
        var key = rewritten.GroupBy(r => (r.CandidateId, r.Field, r.Typed)).ToDictionary(g => g.Key, g => g.First());
        int n = 0, right = 0, wrong = 0, unresolved = 0, untouched = 0, untouchedWrong = 0, untouchedUnresolved = 0;
        var byWay = new Dictionary<string, (int Rewritten, int Right)>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            foreach (var (field, labels) in new[] { ("skills", c.ResolvedSkills), ("certificates", c.ResolvedCertificates) })
            {
                if (labels is null) throw new InvalidOperationException($"kandidaat {c.Id} is geïmporteerd zonder labelherkenning; importeer de regio opnieuw");
                foreach (var label in labels)
                {
                    if (key.TryGetValue((c.Id, field, label.Text), out var r))
                    {
                        n++;
                        var ok = label.Canonical is not null && Labels.Same(label.Canonical, r.Canonical);
                        if (ok) right++;
                        else if (label.Canonical is null) unresolved++;
                        else wrong++;
                        var way = byWay.GetValueOrDefault(r.How);
                        byWay[r.How] = (way.Rewritten + 1, way.Right + (ok ? 1 : 0));
                    }
                    else
                    {
                        untouched++;
                        if (label.Canonical is null) untouchedUnresolved++;
                        else if (!Labels.Same(label.Canonical, label.Text)) untouchedWrong++;
                    }
                }
            }
        }
        return new ResolverAccuracy(n, right, wrong, unresolved, untouched, untouchedWrong, untouchedUnresolved, byWay);
    }
}
