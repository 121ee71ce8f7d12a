using MatchEngine.Models.Registry;
using MatchEngine.Tests.Support;

namespace MatchEngine.Tests.Registry;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ModelRegistry _registry;

    public ModelRegistryTests() => _registry = new ModelRegistry(_dir.Path, new FixedClock(new DateOnly(2025, 6, 30)));

    public void Dispose() => _dir.Dispose();

    private string SaveVersion(string payload)
    {
        var (version, dir) = _registry.NewVersion("ranker");
        File.WriteAllText(Path.Combine(dir, "model.txt"), payload);
        _registry.Save(new ModelManifest
        {
            Name = "ranker", Version = version, Kind = "FastTree", CreatedAt = _registry.Time.GetUtcNow(), Features = ["a"],
            Metrics = new Dictionary<string, double> { ["ndcg@10"] = 0.5 }, DataHash = "abc",
        });
        return version;
    }

    [Fact]
    public void PromoteAndRollback_History_ServesThePreviousVersion()
    {
        var v1 = SaveVersion("one");
        var v2 = SaveVersion("two");
        Assert.Equal(["ranker-v0001", "ranker-v0002"], _registry.List("ranker").Select(m => m.Version));
        _registry.Promote(v1, "first");
        _registry.Promote(v2, "better");
        Assert.Equal(v2, _registry.Promoted("ranker"));
        Assert.Equal(v1, _registry.Rollback("ranker"));
        Assert.Equal(v1, _registry.Promoted("ranker"));
        Assert.Equal(3, _registry.History("ranker").Count);
        Assert.Throws<ModelVersionNotFoundException>(() => _registry.Promote("ranker-v0099", "nope"));
    }

    [Fact]
    public void Rollback_WithoutEarlierVersion_Refuses()
    {
        _registry.Promote(SaveVersion("one"), "first");
        Assert.Throws<InvalidOperationException>(() => _registry.Rollback("ranker"));
    }

    [Fact]
    public void PromotedModel_NewPromotion_IsSwappedInWithoutRestart()
    {
        var v1 = SaveVersion("one");
        _registry.Promote(v1, "first");
        using var served = new PromotedModel<string>(_registry, "ranker", (m, dir) => File.ReadAllText(Path.Combine(dir, "model.txt")), pollInterval: null);
        Assert.Equal("one", served.Current!.Value.Model);
        var swapped = new List<string>();
        served.Swapped += m => swapped.Add(m.Version);
        _registry.Promote(SaveVersion("two"), "better");
        Assert.True(served.Refresh());
        Assert.Equal("two", served.Current!.Value.Model);
        Assert.Equal(["ranker-v0002"], swapped);
        Assert.False(served.Refresh());
    }
}
