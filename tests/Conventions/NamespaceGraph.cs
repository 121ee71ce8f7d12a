using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;

namespace MatchEngine.Tests.Conventions;

/// <summary>Which namespace of one assembly uses which, read from the compiled IL. A namespace is a folder: types outside
/// the assembly's root namespace (compiler-generated helpers, top-level <c>Program</c>) are left out, and a compiled Razor
/// page counts in the namespace of the folder its <c>.cshtml</c> lives in: <c>@namespace</c> in <c>_ViewImports</c> gives
/// it that namespace, and a page compiled into Razor's own <c>AspNetCoreGeneratedDocument</c> is placed by its identifier.</summary>
internal sealed class NamespaceGraph
{
    private const string RazorNamespace = "AspNetCoreGeneratedDocument";

    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    /// <summary>The graph of <paramref name="assembly"/>, whose folders are namespaces under <paramref name="root"/>.</summary>
    public NamespaceGraph(Assembly assembly, string root)
    {
        Root = root;
        foreach (var (type, uses) in TypeUses.Read(assembly.Location))
        {
            if (NodeOf(assembly, type) is not { } from) continue;
            foreach (var use in uses.Where(u => u.Internal))
            {
                if (NodeOf(assembly, use) is not { } to || to == from) continue;
                Edges(from).TryAdd(to, $"{type.FullName} uses {use.FullName}");
            }
        }
    }

    public string Root { get; }

    /// <summary>The namespaces <paramref name="from"/> uses directly, each with one use that shows it.</summary>
    public IReadOnlyDictionary<string, string> Targets(string from) => Edges(from);

    private Dictionary<string, string> Edges(string from)
    {
        if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = new(StringComparer.Ordinal);
        return targets;
    }

    /// <summary>Every cycle's namespaces (the strongly connected parts with more than one namespace), each as one shortest
    /// path round the cycle that starts and ends at the same namespace.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = _edges.Keys.Concat(_edges.Values.SelectMany(t => t.Keys)).Distinct().Order(StringComparer.Ordinal).ToArray();
        return StronglyConnected(nodes).Where(c => c.Count > 1)
            .Select(c => ShortestCycle(c.Min(StringComparer.Ordinal)!, c)).ToArray();
    }

    /// <summary>A cycle written out with the use behind each step.</summary>
    public string Describe(IReadOnlyList<string> cycle) =>
        string.Join(" -> ", cycle.Select(Short)) + Environment.NewLine + string.Join(Environment.NewLine,
            cycle.Zip(cycle.Skip(1)).Select(step => $"    {Short(step.First)} -> {Short(step.Second)}: {Targets(step.First)[step.Second]}"));

    private string Short(string node) => node == Root ? node : node[(Root.Length + 1)..];

    private List<string> ShortestCycle(string start, HashSet<string> within)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in Targets(node).Keys.Where(within.Contains).Order(StringComparer.Ordinal))
            {
                if (next == start)
                {
                    var path = new List<string> { start, node };
                    while (path[^1] != start) path.Add(cameFrom[path[^1]]);
                    path.Reverse();
                    return path;
                }
                if (cameFrom.TryAdd(next, node)) queue.Enqueue(next);
            }
        }
        throw new InvalidOperationException($"{start} is on no cycle");
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private List<HashSet<string>> StronglyConnected(IEnumerable<string> nodes)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<HashSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Targets(node).Keys.ToArray())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next)) low[node] = Math.Min(low[node], index[next]);
            }
            if (low[node] != index[node]) return;
            var component = new HashSet<string>(StringComparer.Ordinal);
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (member != node);
            components.Add(component);
        }

        foreach (var node in nodes)
            if (!index.ContainsKey(node)) Visit(node);
        return components;
    }

    private string? NodeOf(Assembly assembly, TypeUse type)
    {
        if (type.Namespace == Root || type.Namespace.StartsWith(Root + ".", StringComparison.Ordinal)) return type.Namespace;
        if (type.Namespace != RazorNamespace) return null;
        // A compiled page's identifier is its path from the project folder, e.g. "/WebConsole/Pages/Sroi/Index.cshtml".
        var identifier = assembly.GetType(type.FullName)?.GetCustomAttributes<RazorCompiledItemMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Identifier")?.Value;
        if (identifier is null) return null;
        var folder = Path.GetDirectoryName(identifier)!.Replace('\\', '/').Trim('/');
        return folder.Length == 0 ? Root : $"{Root}.{folder.Replace('/', '.')}";
    }
}
