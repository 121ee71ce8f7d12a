using System.Reflection;

namespace MatchEngine.Tests.Conventions;

/// <summary>Dependencies between the folders of one project point one way: no two namespaces of an assembly use each other,
/// directly or round a longer cycle, as read from the compiled IL (signatures, fields, method bodies, attributes).</summary>
public sealed class NoFolderCyclesTests
{
    public static TheoryData<string> Projects => ["MatchEngine.Engine", "MatchEngine.Models", "MatchEngine.Training", "MatchEngine.Api"];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Namespaces_FormNoCycle(string root)
    {
        var graph = new NamespaceGraph(AssemblyOf(root), root);
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0,
            $"folder cycles in {root}:{Environment.NewLine}{string.Join(Environment.NewLine, cycles.Select(graph.Describe))}");
    }

    internal static Assembly AssemblyOf(string root) => root switch
    {
        "MatchEngine.Engine" => typeof(MatchEngine.Engine.Access.CallerScope).Assembly,
        "MatchEngine.Models" => typeof(MatchEngine.Models.Registry.ModelRegistry).Assembly,
        "MatchEngine.Training" => typeof(MatchEngine.Training.Cli.CommandLine).Assembly,
        "MatchEngine.Api" => typeof(Program).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(root), root, "not a project of the solution"),
    };
}
