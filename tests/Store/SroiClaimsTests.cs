using MatchEngine.Engine.Sroi;

namespace MatchEngine.Tests.Store;

/// <summary>The SROI claims' behaviour, run against each <see cref="ISroiClaims"/> by a subclass that says where they live.</summary>
public abstract class SroiClaimsTests : IDisposable
{
    /// <summary>Opens a new instance on this test's location (the same file or database on every call).</summary>
    protected abstract ISroiClaims Open();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public void TryAdd_ThenReopened_TheFirstClaimOfEachPlacementHolds()
    {
        using (var claims = Open())
        {
            Assert.Equal("A", claims.TryAdd("p1", "A"));
            Assert.Equal("A", claims.TryAdd("p1", "B"));
            Assert.Equal("B", claims.TryAdd("p2", "B"));
        }
        using var reopened = Open();
        Assert.Equal(new Dictionary<string, string> { ["p1"] = "A", ["p2"] = "B" }, reopened.All());
        Assert.Equal("A", reopened.TryAdd("p1", "C"));
    }

    [Fact]
    public async Task TryAdd_SamePlacementFromTwoInstancesAtOnce_BothGetTheOneHolder()
    {
        using var first = Open();
        using var second = Open();
        var holders = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).TryAdd("contested", $"contract-{i}"))));
        Assert.Single(holders.Distinct());
        Assert.Equal(holders[0], first.All()["contested"]);
    }

    [Fact]
    public void All_NoClaims_IsEmpty()
    {
        using var claims = Open();
        Assert.Empty(claims.All());
    }
}
