using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace MatchEngine.Engine.Domain;

/// <summary>
/// The contract's spelling of every enum value, read once from <see cref="JsonStringEnumMemberNameAttribute"/>
/// so that JSON, the store, the index and the CLI all use the same words.
/// </summary>
public static class Vocabulary
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<string, object> ByName, Dictionary<object, string> ByValue)> Cache = new();

    /// <summary>The contract word for <paramref name="value"/>, e.g. <c>mbo2</c> or <c>on_call</c>.</summary>
    public static string Name<T>(T value) where T : struct, Enum => Table(typeof(T)).ByValue[value];

    /// <summary>Parses a contract word; exact match, as the contract spells it.</summary>
    public static bool TryParse<T>(string word, out T value) where T : struct, Enum
    {
        if (Table(typeof(T)).ByName.TryGetValue(word, out var v))
        {
            value = (T)v;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>All contract words of <typeparamref name="T"/>, in the enum's order.</summary>
    public static IReadOnlyList<string> Names<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(Name).ToArray();

    private static (Dictionary<string, object> ByName, Dictionary<object, string> ByValue) Table(Type type) =>
        Cache.GetOrAdd(type, t =>
        {
            var byName = new Dictionary<string, object>(StringComparer.Ordinal);
            var byValue = new Dictionary<object, string>();
            foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name.ToLowerInvariant();
                var value = field.GetValue(null)!;
                byName[name] = value;
                byValue[value] = name;
            }
            return (byName, byValue);
        });
}
