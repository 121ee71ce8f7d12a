using MatchEngine.Engine.Access;

namespace MatchEngine.Tests.Conventions;

/// <summary>The domain types are the engine's leaf: they use no Lucene type and nothing of another MatchEngine namespace.</summary>
public sealed class DomainIsALeafTests
{
    private const string Domain = "MatchEngine.Engine.Domain";

    [Fact]
    public void Domain_UsesNoLuceneAndNoOtherMatchEngineNamespace()
    {
        var uses = TypeUses.Read(typeof(CallerScope).Assembly.Location)
            .Where(t => t.Type.Namespace == Domain)
            .SelectMany(t => t.Uses.Select(u => (t.Type, Use: u)))
            .Where(x => x.Use.Namespace.StartsWith("Lucene", StringComparison.Ordinal)
                || x.Use.Namespace.StartsWith("MatchEngine", StringComparison.Ordinal) && x.Use.Namespace != Domain)
            .Select(x => $"{x.Type.FullName} uses {x.Use.FullName}").Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(uses.Length == 0, $"engine/Domain is not a leaf:{Environment.NewLine}{string.Join(Environment.NewLine, uses)}");
    }
}
