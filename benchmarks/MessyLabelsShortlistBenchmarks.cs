using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine;
using MatchEngine.Engine.Catalog;
using MatchEngine.Engine.Import;
using MatchEngine.Engine.Matching;
using MatchEngine.Models.Ranking;
using MatchEngine.Models.Registry;
using MatchEngine.Training.Synth;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: do labels resolved at import cost a shortlist anything? The same region of 20,000 candidates and 2,000 open
/// vacancies imported twice: with clean labels (the baseline) and with 40% of the candidates' labels typed as people type
/// them (<c>synth --messy 0.4</c>), which the import resolves and stores beside the typed ones. Each call is one shortlist
/// of 20 for the next of the first 200 vacancies, the same vacancies on both sides.
/// </summary>
[Config(typeof(PatientLatencyConfig))]
public class MessyLabelsShortlistBenchmarks
{
    private const int Candidates = 20_000;
    private const int Vacancies = 2_000;
    private string _root = "";
    private PromotedModel<TrainedRanker>? _ranker;
    private Side? _clean;
    private Side? _messy;

    [GlobalSetup]
    public void Setup()
    {
        _root = SyntheticRegion.TempDir("messy-shortlist");
        _ranker = SyntheticRanker.Load();
        var clean = SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(Candidates, Vacancies), Vacancies);
        var (messy, rewritten) = new MessyLabels(0.4, SyntheticRegion.Seed).Apply(clean);
        _clean = Side.Import(clean, Path.Combine(_root, "clean"), _ranker);
        _messy = Side.Import(messy, Path.Combine(_root, "messy"), _ranker);
        Console.WriteLine($"// {rewritten.Count} labels rewritten; {_clean.Vacancies.Length} vacancies asked in turn");
    }

    [Benchmark(Baseline = true, Description = "shortlist, clean labels")]
    public int Clean() => _clean!.Next();

    [Benchmark(Description = "shortlist, messy labels resolved at import")]
    public int Messy() => _messy!.Next();

    [GlobalCleanup]
    public void Cleanup()
    {
        _clean?.Dispose();
        _messy?.Dispose();
        _ranker?.Dispose();
        SyntheticRegion.Delete(_root);
    }

    /// <summary>One imported copy of the region and its shortlists.</summary>
    private sealed class Side(CatalogService catalog, ShortlistService shortlists, string[] vacancies) : IDisposable
    {
        private int _next;

        public string[] Vacancies => vacancies;

        public static Side Import(World world, string dir, PromotedModel<TrainedRanker> ranker)
        {
            SyntheticRegion.Write(world, Path.Combine(dir, "folder"));
            var catalog = CatalogService.Open(new DataLayout(Path.Combine(dir, "data")), TimeProvider.System);
            new FolderImporter(catalog.Store, catalog.Validator).Import(Path.Combine(dir, "folder"));
            catalog.SyncIndex();
            var shortlists = new ShortlistService(catalog, new CandidatePool(catalog.Store), ranker);
            string[] asked = [.. world.Vacancies.Select(v => v.Id).Order(StringComparer.Ordinal).Take(200)];
            return new Side(catalog, shortlists, asked);
        }

        public int Next() => shortlists.For(vacancies[_next++ % vacancies.Length], 20, new ShortlistFilters()).Candidates.Count;

        public void Dispose() => catalog.Dispose();
    }
}
