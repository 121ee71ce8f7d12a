using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does refusing a line that gives a field twice cost the import, per candidate line? The parser checks it
/// (<c>AllowDuplicateProperties = false</c>) while it reads. Baseline: parsing the same 5,000 candidate lines with duplicates
/// allowed, as the import did before; next to it the same parse refusing them, and the whole of
/// <see cref="ContractValidator.Parse"/> (the refusing parse and every field read and checked).
/// </summary>
[MemoryDiagnoser]
public class ContractParsingBenchmarks
{
    private const int Candidates = 5_000;
    private string[] _lines = [];
    private ContractValidator _validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = SyntheticRegion.TempDir("contract-parsing");
        try
        {
            SyntheticRegion.Write(SyntheticRegion.CatalogOnly(SyntheticRegion.Generate(Candidates, 100), 100), root);
            _lines = File.ReadAllLines(Path.Combine(root, "candidates.jsonl"));
        }
        finally
        {
            SyntheticRegion.Delete(root);
        }
        _validator = new ContractValidator(ValidationContext.At(TimeProvider.System));
    }

    [Benchmark(Baseline = true, Description = "parse, duplicates allowed")]
    public int ParseAllowingDuplicates() => Parse(new JsonDocumentOptions { MaxDepth = 16 });

    [Benchmark(Description = "parse, duplicates refused")]
    public int ParseRefusingDuplicates() => Parse(new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = false });

    [Benchmark(Description = "ContractValidator.Parse")]
    public int Validate()
    {
        var valid = 0;
        foreach (var line in _lines)
            if (_validator.Parse(EntityKind.Candidate, line).Record is not null) valid++;
        return valid;
    }

    private int Parse(JsonDocumentOptions options)
    {
        var fields = 0;
        foreach (var line in _lines)
        {
            using var doc = JsonDocument.Parse(line, options);
            foreach (var _ in doc.RootElement.EnumerateObject()) fields++;
        }
        return fields;
    }
}
