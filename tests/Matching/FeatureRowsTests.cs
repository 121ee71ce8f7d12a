using MatchEngine.Engine.Matching;

namespace MatchEngine.Tests.Matching;

public sealed class FeatureRowsTests
{
    [Fact]
    public void Rent_AfterDispose_LendsTheSameVectorsAgainOnTheSameThread()
    {
        float[] first;
        using (var rows = FeatureRows.Rent(3))
        {
            Assert.Equal(3, rows.Count);
            Assert.All(rows, r => Assert.Equal(PairFeatures.Names.Count, r.Length));
            first = rows[0];
        }
        using var again = FeatureRows.Rent(2);
        Assert.Equal(2, again.Count);
        Assert.Same(first, again[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => again[2]);
    }

    [Fact]
    public void Rent_MoreThanTheThreadKeeps_GrowsAndStillLendsDistinctVectors()
    {
        using (FeatureRows.Rent(2)) { }
        using var rows = FeatureRows.Rent(50);
        Assert.Equal(50, rows.Distinct().Count());
    }

    [Fact]
    public void Indexer_AfterDispose_Throws()
    {
        var rows = FeatureRows.Rent(1);
        rows.Dispose();
        Assert.Throws<ObjectDisposedException>(() => rows[0]);
    }
}
