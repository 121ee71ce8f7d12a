using BenchmarkDotNet.Attributes;
using MatchEngine.Benchmarks.Support;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Benchmarks;

/// <summary>
/// Question: what does keeping a retrieval's best 1,000 documents cost with a buffer and quickselect
/// (<see cref="BestOf{T, TOrder}"/>) against the binary heap it replaced (<see cref="HeapOfBest"/>, baseline)? Both take the
/// same stream, as <c>Bm25Disjunction</c> offers it: 150,000 documents in ascending order, 60% matching a term, with
/// BM25-like sums (a sum of up to six term scores), each offered only when its sum lies above the top's current floor.
/// Both give the same 1,000 (checked in the setup).
/// </summary>
[MemoryDiagnoser]
public class BestDocumentsBenchmarks
{
    private const int Documents = 150_000;
    private const int Top = 1_000;
    private double[] _sums = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _sums = new double[Documents];
        for (var doc = 0; doc < Documents; doc++)
        {
            if (random.NextDouble() >= 0.6) continue;
            var terms = random.Next(1, 7);
            for (var t = 0; t < terms; t++) _sums[doc] += (float)(random.NextDouble() * 4);
        }
        var heap = Heap();
        var buffered = Buffered();
        if (!heap.SequenceEqual(buffered)) throw new InvalidOperationException("the two tops differ");
    }

    [Benchmark(Baseline = true, Description = "binary heap of the best 1,000")]
    public (int Doc, float Score)[] Heap()
    {
        var best = new HeapOfBest(Top);
        var floor = best.Floor;
        for (var doc = 0; doc < _sums.Length; doc++)
        {
            if (!(_sums[doc] > floor)) continue;
            best.Offer(doc, (float)_sums[doc]);
            floor = best.Floor;
        }
        return best.Sorted();
    }

    [Benchmark(Description = "buffer of 2,000 + quickselect")]
    public (int Doc, float Score)[] Buffered()
    {
        var best = new BestOf<(int Doc, float Score), ByScore>(Top);
        var floor = 0.0;
        for (var doc = 0; doc < _sums.Length; doc++)
        {
            if (!(_sums[doc] > floor)) continue;
            best.Offer((doc, (float)_sums[doc]));
            if (best.HasFloor) floor = best.Floor.Score;
        }
        return best.Sorted().ToArray();
    }

    private readonly struct ByScore : IBestFirst<(int Doc, float Score)>
    {
        public static bool Better((int Doc, float Score) x, (int Doc, float Score) than) =>
            x.Score > than.Score || x.Score == than.Score && x.Doc < than.Doc;
    }
}
