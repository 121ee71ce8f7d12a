using MatchEngine.Engine.Domain;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Ranking;

namespace MatchEngine.Training.Reports;

/// <summary>
/// The ranker's report: whole-pool and logged-proposal held-out metrics (plain and IPS) of the version against the others
/// of its run, the version promoted before and the baselines (BM25, the rule, logistic regression), all on the same held-out
/// vacancies; the chance calibration; NDCG@10 per sector; permutation feature importance; the fairness audit. Writes <c>report.md</c> and PNGs into the version's directory.
/// </summary>
public sealed class RankerReportWriter(ModelRegistry registry, TextWriter progress)
{
    /// <summary>Writes the report of <paramref name="subject"/>, compared with <paramref name="others"/> (versions; the promoted one is added when missing).</summary>
    public ModelReport Write(string subject, IReadOnlyList<string> others, RankerEvaluator evaluator, string purpose, int seed)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(others);
        var manifest = registry.Get(subject) ?? throw new InvalidOperationException($"modelversie '{subject}' bestaat niet");
        var dir = registry.DirectoryOf(subject);
        var compared = others.Append(registry.Promoted(RankerModels.Name)).OfType<string>().Where(v => v != subject).Distinct(StringComparer.Ordinal).ToArray();
        var logistic = RankerTrainer.Train(RankerKind.Logistic, [.. evaluator.Holdout.Train.SelectMany(g => g.Rows())], manifest.Features, new RankerOptions(Seed: seed));
        var scorers = new List<RankerScorer> { Scorer(subject, manifest), RankerScorer.Rule, RankerScorer.Bm25, RankerScorer.Of("logistic", null, logistic) };
        scorers.AddRange(compared.Select(v => registry.Get(v)).OfType<ModelManifest>().Where(m => m.Features.SequenceEqual(manifest.Features)).Select(m => Scorer(m.Version, m)));
        var results = scorers.Select(evaluator.Evaluate).ToArray();

        var report = new MarkdownReport();
        var h = evaluator.Holdout;
        ReportHeader.Write(report, registry, manifest, purpose,
            $"{Dutch.Whole(h.Test.Count)} vacatures, voor het eerst gezien op of na {Dutch.Date(h.SplitDate)} ({Dutch.Whole(h.Test.Sum(g => g.CandidateIds.Count))} vastgelegde paren, " +
            $"plus per vacature hoogstens {RankerHoldout.ExtraNegatives} opgehaalde maar nooit voorgestelde kandidaten voor recall@50)");
        var pool = h.WholePool;
        report.Heading(2, "Metrieken over de hele pool")
            .Paragraph($"Hoe elk model de hele pool van kandidaten met toestemming rangschikt voor de {Dutch.Whole(pool.Groups.Count)} achtergehouden vacatures met een uitnodiging " +
                       $"of een aanname, zoals een shortlist dat doet: ophalen op de standaarddiepte van de shortlist ({Dutch.Whole(ShortlistFilters.DefaultDepth)}; geen andere " +
                       $"grens dan toestemming), elke opgehaalde kandidaat gescoord. Waar de uitgenodigde en aangenomen kandidaten terechtkomen: recall@10 en recall@50 van de " +
                       $"uitgenodigden en aangenomenen, recall@10 van de aangenomenen, MRR van de eerste van hen, NDCG@10 met een cijfer per fase (aangenomen 2, uitgenodigd 1; " +
                       $"nooit voorgestelde kandidaten tellen 0). Het ophalen vindt {N(pool.RetrievalRecall)} van de uitgenodigden en aangenomenen. " +
                       $"Over de promotie beslist de NDCG@10 over de hele pool, onder de modellen die binnen {N(RankerTrainingRun.LoggedTolerance, 2)} van de beste NDCG@10 op " +
                       "de vastgelegde voorstellen blijven (een niet-voorgestelde kandidaat telt hier 0, en dat beloont een model dat de oude voorstellen nabootst)." +
                       Narrowness(manifest))
            .Table(["model", "versie", "ndcg@10", "recall@10", "recall@50", "recall@10 aangenomen", "mrr"],
                results.Select(r => (IReadOnlyList<string>)[r.Version == subject ? $"**{r.Name}** (deze versie)" : r.Name, r.Version ?? "basislijn",
                    N(r.WholePool.Ndcg10), N(r.WholePool.Recall10), N(r.WholePool.Recall50), N(r.WholePool.HireRecall10), N(r.WholePool.Mrr)]));
        report.Heading(2, "Metrieken op de vastgelegde voorstellen")
            .Paragraph("Alle rijen zijn gescoord op dezelfde achtergehouden vacatures. NDCG en MAP over de kandidaten die werkelijk zijn voorgesteld (hun uitkomst " +
                       "is bekend: aangenomen 2, uitgenodigd 1, alleen voorgesteld 0); recall@50 van de aangenomenen onder de voorgestelde plus de opgehaalde maar nooit " +
                       "voorgestelde kandidaten. Deze metrieken ordenen alleen opnieuw wat het oude beleid koos; lees ze naast de metrieken over de hele pool.")
            .Table(["model", "versie", "ndcg@5", "ndcg@10", "map", "recall@50", "ips ndcg@10", "ips recall@10"],
                results.Select(r => (IReadOnlyList<string>)[r.Version == subject ? $"**{r.Name}** (deze versie)" : r.Name, r.Version ?? "basislijn",
                    N(r.Metrics.Ndcg5), N(r.Metrics.Ndcg10), N(r.Metrics.Map), N(r.Metrics.RecallAt50), N(r.IpsNdcg10), N(r.IpsRecall10)]));
        var p = evaluator.Propensity;
        report.Heading(3, "Wat de IPS-kolommen betekenen")
            .Paragraph($"De geschiedenis kent alleen uitkomsten van kandidaten naar wie iemand heeft gekeken, en mensen kijken meer naar de bovenkant van een lijst dan " +
                       $"naar de onderkant. Een model dat de oude volgorde nadoet, wordt daardoor beloond voor de oude keuzes. De IPS-kolommen (inverse propensity " +
                       $"scoring) wegen elk uitgenodigd of aangenomen paar met 1/θ(positie), waarbij θ(p) = 1/p^η de kans is dat positie p van de vastgelegde shortlist " +
                       $"bekeken werd, zodat een succes diep in een oude shortlist zwaarder telt dan een succes bovenaan. Hier is η = {N(p.Eta, 2)} " +
                       $"({(p.Estimated
                           ? "geschat uit het aandeel uitnodigingen per vastgelegde positie; dat bevat ook de vaardigheid van het oude beleid en overschat het bekijken dus"
                           : "opgegeven in de configuratie of aangenomen: te weinig vastgelegde posities om hem te schatten")}), " +
                       $"gewichten afgekapt op {N(p.Clip, 1)}; {Dutch.Whole(evaluator.LoggedPairs)} achtergehouden paren hebben een vastgelegde positie (paren zonder " +
                       "positie wegen 1). Zetten de IPS- en de gewone metrieken de modellen in dezelfde volgorde, dan hangt de vergelijking niet af van de oude volgorde.");

        if (ChanceCalibration.Of(manifest) is { } calibration)
        {
            var model = RankerModels.Load(manifest, dir);
            var pairs = h.Test.SelectMany(g => model.Score(g.Features).Select((x, i) => (Chance: calibration.Chance(x), Invited: g.Labels[i] >= 1))).OrderBy(x => x.Chance).ToArray();
            var bins = Enumerable.Range(0, 10).Select(b => pairs[(b * pairs.Length / 10)..((b + 1) * pairs.Length / 10)]).Where(b => b.Length > 0).ToArray();
            var predicted = bins.Select(b => b.Average(x => x.Chance)).ToArray();
            var observed = bins.Select(b => b.Average(x => x.Invited ? 1.0 : 0.0)).ToArray();
            Plots.Calibration(Path.Combine(dir, "chance_calibration.png"), $"{subject}: kans op een uitnodiging", "kans op een uitnodiging", [(subject, predicted, observed)]);
            report.Heading(2, "Kalibratie van de kans")
                .Paragraph($"De `chance` die een shortlist toont, is de kans dat de werkgever de kandidaat uitnodigt als die wordt voorgesteld ({ChanceCalibration.Meaning}): " +
                           $"de ruwe score na Platt-schaling (A = {N(calibration.A)}, B = {N(calibration.B)}), geschat op de {Dutch.Whole(pairs.Length)} achtergehouden " +
                           "vastgelegde voorstellen. Per deciel van de voorspelde kans de gemiddelde voorspelling naast het waargenomen aandeel uitnodigingen op die paren " +
                           "(geschat en afgelezen op dezelfde paren; kandidaten die nooit zijn voorgesteld, hebben geen waargenomen uitkomst).")
                .Image("chance_calibration.png", "kalibratie van de kans")
                .Table(["deciel", "paren", "voorspeld", "waargenomen"], bins.Select((b, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Dutch.Whole(b.Length), N(predicted[i]), N(observed[i])]));
        }

        var sectors = evaluator.BySector(scorers[0]);
        var rule = evaluator.BySector(RankerScorer.Rule).ToDictionary(s => s.Sector, s => s.Ndcg10);
        Plots.Bars(Path.Combine(dir, "ndcg_by_sector.png"), $"{subject}: NDCG@10 per sector (achtergehouden vacatures)", "NDCG@10",
            [.. sectors.Select(s => $"{s.Sector} ({s.Groups})")], [.. sectors.Select(s => s.Ndcg10)]);
        report.Heading(2, "NDCG@10 per sector").Image("ndcg_by_sector.png", "NDCG@10 per sector")
            .Table(["sector", "vacatures", "ndcg@10", "ndcg@10 van rule"], sectors.Select(s => (IReadOnlyList<string>)
                [s.Sector, Dutch.Whole(s.Groups), N(s.Ndcg10), N(rule.GetValueOrDefault(s.Sector))]));

        var importance = evaluator.PermutationImportance(scorers[0], manifest.Features, seed, progress).OrderByDescending(x => x.Drop).ToArray();
        Plots.HorizontalBars(Path.Combine(dir, "feature_importance.png"), $"{subject}: belang per kenmerk (permutatie)", "daling van NDCG@10 op de achtergehouden paren na schudden",
            [.. importance.Select(x => x.Feature)], [.. importance.Select(x => x.Drop)]);
        report.Heading(2, "Belang van de kenmerken (permutatie)")
            .Paragraph($"De waarden van elk kenmerk worden over de achtergehouden paren geschud (seed {seed}) en de daling van NDCG@10 gemeten; " +
                       "rond nul betekent dat het model hier niet op het kenmerk steunt, onder nul is ruis.")
            .Image("feature_importance.png", "belang van de kenmerken (permutatie)")
            .Table(["kenmerk", "daling ndcg@10"], importance.Select(x => (IReadOnlyList<string>)[x.Feature, N(x.Drop)]));

        var gaps = HistoryCoverage.Of([.. h.Train.SelectMany(g => g.Features)], [.. pool.Groups.SelectMany(g => g.Features)], manifest.Features);
        IEnumerable<IReadOnlyList<string>> gapRows = gaps.Count == 0
            ? [["geen", "–", "–", "–"]]
            : gaps.Select(g => (IReadOnlyList<string>)[g.Feature, Dutch.Number(g.From) == Dutch.Number(g.To) ? Dutch.Number(g.From) : $"{Dutch.Number(g.From)} tot {Dutch.Number(g.To)}",
                Dutch.Percent(g.PoolShare), Dutch.Decimals(g.HistoryShare * 100, 1) + "%"]);
        report.Heading(2, "Waar de geschiedenis weinig van de pool laat zien")
            .Paragraph($"De modellen leren van {Dutch.Whole(h.Train.Sum(g => g.Features.Count))} vastgelegde trainingsparen; een shortlist rangschikt de hele pool. " +
                       $"Per kenmerk de waarden die minstens {Dutch.Percent(HistoryCoverage.MinPoolShare)} van de paren van de pool hebben (de opgehaalde kandidaten van " +
                       $"de achtergehouden vacatures hierboven) en onder de trainingsparen minstens {Dutch.Number(HistoryCoverage.Ratio)} keer zo zelden voorkomen. " +
                       "Daar heeft een model zijn curve niet geleerd maar doorgetrokken uit de rest van de geschiedenis, bijvoorbeeld voor wie verder woont dan het " +
                       "oude beleid voorstelde, of voor wie pas kort in de bijstand zit: een dossier toont de duur van vandaag, en een oude vacature ging naar wie toen " +
                       "al in de bijstand zat.")
            .Table(["kenmerk", "waarden", "aandeel in de pool", "aandeel in de trainingsparen"], gapRows);

        FairnessTable.Write(report, manifest, registry.Fairness);
        ReportHeader.WriteActions(report, manifest);
        return new ModelReport(report.Save(dir), report.Text, results.ToDictionary(r => r.Version == subject ? "this" : r.Version ?? r.Name, r => r.ToDictionary()));
    }

    private RankerScorer Scorer(string version, ModelManifest manifest)
    {
        var name = RankerVariant.Of(manifest);
        if (version != manifest.Version) throw new InvalidOperationException("manifest mismatch");
        return RankerScorer.Of(version == registry.Promoted(RankerModels.Name) ? $"{name} (gepromoveerd)" : name, version, RankerModels.Load(manifest, registry.DirectoryOf(version)));
    }

    /// <summary>What the run's <see cref="ProposalPredictability"/> says of the history, when the manifest holds it.</summary>
    private static string Narrowness(ModelManifest manifest)
    {
        if (!manifest.Metrics.TryGetValue(RankerTrainingRun.ProposalAucKey, out var auc)) return "";
        return $" De kenmerken onderscheiden de oude voorstellen van de rest van de opgehaalde pool met AUC {N(auc, 3)} op de achtergehouden vacatures " +
               (ProposalPredictability.Narrow(auc)
                   ? $"(minstens {N(ProposalPredictability.NarrowFrom, 2)}): de geschiedenis laat niets zien van de pool buiten die voorstellen, dus deze metrieken meten " +
                     "vooral hoezeer een model op het oude beleid lijkt, en alleen een lineair model, dat de helling van elk kenmerk doortrekt naar de rest van de pool, " +
                     "wordt gepromoveerd."
                   : $"(onder {N(ProposalPredictability.NarrowFrom, 2)}): de oude voorstellen reiken ver genoeg in de pool om met deze metrieken modellen te vergelijken.");
    }

    private static string N(double value, int decimals = 4) => MarkdownReport.Number(value, decimals);
}
