using System.Text.Json;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Contract;

/// <summary>
/// The fields a JSON line gives more than once, at any depth (<c>id</c>, <c>tasks[0].name</c>, <c>protected.gender</c>).
/// A lookup finds just one occurrence, so a record read from such a line would take one value and silently drop the other;
/// the parser refuses the line (<c>AllowDuplicateProperties = false</c>) and this names each repeated field and the values it
/// was given. Stateless and thread-safe.
/// </summary>
public static class DuplicateFields
{
    /// <summary>The most values of one repeated field a refusal quotes.</summary>
    private const int ShownValues = 3;

    /// <summary>One violation per field that <paramref name="element"/> or an object inside it repeats; empty when none does.</summary>
    public static IReadOnlyList<FieldViolation> Of(JsonElement element)
    {
        var found = new List<FieldViolation>();
        Walk(element, "", found);
        return found;
    }

    private static void Walk(JsonElement element, string path, List<FieldViolation> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{i++}]", found);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object) return;
        var values = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var property in element.EnumerateObject())
        {
            if (!values.TryGetValue(property.Name, out var list))
            {
                values[property.Name] = list = [];
                names.Add(property.Name);
            }
            list.Add(property.Value);
        }
        foreach (var name in names)
        {
            var field = path.Length == 0 ? name : $"{path}.{name}";
            var list = values[name];
            if (list.Count > 1 && found.TrueForAll(v => v.Field != field)) found.Add(new FieldViolation(field, Repeated(list)));
            foreach (var value in list) Walk(value, field, found);
        }
    }

    /// <summary>"staat 2 keer in de regel ('c000012' en 'c999999'); een veld mag er één keer in staan".</summary>
    private static string Repeated(List<JsonElement> values)
    {
        var shown = values.Take(ShownValues).Select(RecordReader.Describe).ToList();
        var list = values.Count > ShownValues ? string.Join(", ", shown) + ", …" : Dutch.List(shown);
        return $"staat {values.Count} keer in de regel ({list}); een veld mag er één keer in staan";
    }
}
