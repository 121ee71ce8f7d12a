using MatchEngine.Models.Ranking;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Synth;

/// <summary>
/// Whether the chance a shortlist shows ("kans op uitnodiging") holds over the whole pool, where the calibration was never
/// fitted: it is fitted on the held-out logged proposals, and the top of a whole pool scores above most of them. Compares the
/// promoted model's calibrated chance with the truth's own chance of an invitation (<see cref="TruthGains.InvitationChance"/>),
/// for its top 10 of each held-out whole pool and per decile of predicted chance over every retrieved pair. Meaningful only on
/// a region made by <c>matchengine synth</c>. Stateless.
/// </summary>
public static class WholePoolChance
{
    /// <summary>Shortlist length whose chances are compared on their own.</summary>
    public const int Top = 10;

    /// <summary>The comparison as the <c>ceiling</c> JSON holds it under <c>promoted_chance</c>.</summary>
    public static Dictionary<string, object> Against(TruthGains truth, WholePool pool, Func<WholePoolGroup, IReadOnlyList<double>> score, PlattScaling calibration)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(calibration);
        var pairs = new List<(double Predicted, double Truth)>();
        var top = new List<(double Predicted, double Truth)>();
        foreach (var g in pool.Groups)
        {
            var s = score(g);
            var vacancy = g.Logged.Vacancy.Id;
            var ranked = Enumerable.Range(0, s.Count).OrderByDescending(i => s[i]).ThenBy(i => i).ToArray();
            for (var k = 0; k < ranked.Length; k++)
            {
                var i = ranked[k];
                var pair = (calibration.Chance(s[i]), truth.InvitationChance(vacancy, g.CandidateIds[i]));
                pairs.Add(pair);
                if (k < Top) top.Add(pair);
            }
        }
        var sorted = pairs.OrderBy(p => p.Predicted).ToArray();
        var deciles = Enumerable.Range(0, 10).Select(d => sorted[(d * sorted.Length / 10)..((d + 1) * sorted.Length / 10)]).Where(b => b.Length > 0)
            .Select((b, d) => (object)new Dictionary<string, object>
            {
                ["decile"] = d + 1, ["pairs"] = b.Length, ["predicted"] = Math.Round(b.Average(p => p.Predicted), 4), ["truth"] = Math.Round(b.Average(p => p.Truth), 4),
            }).ToArray();
        return new Dictionary<string, object>
        {
            ["of"] = "invitation when proposed",
            ["top10"] = new Dictionary<string, object>
            {
                ["pairs"] = top.Count,
                ["predicted"] = top.Count == 0 ? 0 : Math.Round(top.Average(p => p.Predicted), 4),
                ["truth"] = top.Count == 0 ? 0 : Math.Round(top.Average(p => p.Truth), 4),
            },
            ["deciles"] = deciles,
        };
    }
}
