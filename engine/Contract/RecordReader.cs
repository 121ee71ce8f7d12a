using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Engine.Contract;

/// <summary>
/// Reads the fields of one JSON object, checking each against the contract and collecting every
/// violation (not just the first), so a rejected line tells the whole story. Unknown fields are
/// ignored: the contract grows by new optional fields.
/// </summary>
internal sealed partial class RecordReader
{
    private readonly JsonElement _element;
    private readonly string _prefix;
    private readonly int _violationsBefore;

    // Fields of this reader that broke a rule: a rule between fields reads only fields that did not, so a value that could not
    // be read (and stands at its default) gives no second, invented violation.
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public RecordReader(JsonElement element, List<FieldViolation> violations, string prefix = "")
    {
        _element = element;
        _prefix = prefix;
        Violations = violations;
        _violationsBefore = violations.Count;
    }

    public List<FieldViolation> Violations { get; }

    /// <summary>True when no violation was recorded since this reader was made (a child reader counts only its own).</summary>
    public bool IsValid => Violations.Count == _violationsBefore;

    public void Fail(string field, string reason)
    {
        _failed.Add(field);
        Violations.Add(new FieldViolation(_prefix + field, reason));
    }

    /// <summary>True when every one of <paramref name="fields"/> is present and kept its own rules: a rule between them may read them.</summary>
    public bool Usable(params string[] fields) => fields.All(f => Present(f) && !_failed.Contains(f));

    private void FailAt(string path, string reason) => Violations.Add(new FieldViolation(path, reason));

    /// <summary>
    /// An id: required, 1–64 characters of [A-Za-z0-9_.-]. A <paramref name="pseudonym"/> (a candidate's id) is never a BSN; the
    /// contract says so of no other record's id, where a nine-digit number (a vacancy number, say) that happens to pass the
    /// elfproef, one in eleven of them, is an id like any other.
    /// </summary>
    public string Id(string field = "id", bool required = true, bool pseudonym = false)
    {
        var id = String(field, required);
        if (id is null) return "";
        if (!IdPattern().IsMatch(id)) Fail(field, "moet 1–64 tekens uit A-Z a-z 0-9 _ . - zijn");
        else if (pseudonym && Bsn.IsBsn(id)) Fail(field, "lijkt op een BSN (9 cijfers die de elfproef doorstaan); gebruik een pseudoniem");
        return id;
    }

    /// <summary>A reference to another record's id, or null when absent and allowed.</summary>
    public string? Reference(string field, bool required)
    {
        var id = String(field, required);
        return string.IsNullOrEmpty(id) && !required ? null : id;
    }

    /// <summary>
    /// Free text, never containing a BSN. A required text must not be blank; it is at most <paramref name="maxLength"/> characters
    /// long when given (the contract bounds only <see cref="ContractLimits.FreeTextLength"/> texts).
    /// </summary>
    public string? Text(string field, bool required, int? maxLength = null)
    {
        var text = String(field, required);
        if (text is null) return null;
        if (required && string.IsNullOrWhiteSpace(text)) Fail(field, "mag niet leeg zijn");
        if (text.Length > maxLength) Fail(field, Dutch.TooLong(text.Length, maxLength.Value));
        if (Bsn.OccursIn(text)) Fail(field, "bevat een BSN (9 cijfers die de elfproef doorstaan)");
        return text;
    }

    /// <summary>A free label (sector, region): text that is not blank when required, of any length, never containing a BSN.</summary>
    public string? Label(string field, bool required) => Text(field, required);

    /// <summary>A list of free labels (skills, certificates, sectors): each a non-blank text of any length, never containing a BSN.</summary>
    public IReadOnlyList<string> Labels(string field) =>
        Array(field, (e, path) =>
        {
            if (e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()))
            {
                FailAt(path, "moet een niet-lege tekst zijn");
                return null;
            }
            var s = e.GetString()!;
            if (Bsn.OccursIn(s)) FailAt(path, "bevat een BSN (9 cijfers die de elfproef doorstaan)");
            return s;
        });

    public string? Isco(string field, bool required)
    {
        var code = String(field, required);
        if (code is not null && !IscoPattern().IsMatch(code)) Fail(field, $"{ClientValue.Quote(code)} is geen ISCO-08-code van 4 cijfers");
        return code;
    }

    public IReadOnlyList<string> IscoList(string field) =>
        Array(field, (e, path) =>
        {
            var s = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (s is null || !IscoPattern().IsMatch(s))
            {
                FailAt(path, $"moet een ISCO-08-code van 4 cijfers zijn (als tekst), niet {Describe(e)}");
                return null;
            }
            return s;
        });

    /// <summary>A finite number inside <paramref name="limit"/> when given; <paramref name="fallback"/> when absent or not a number.</summary>
    public double Number(string field, bool required, Limit<double>? limit = null, double fallback = 0)
    {
        if (!TryGet(field, required, out var e)) return fallback;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var v) || !double.IsFinite(v))
        {
            Fail(field, $"moet een getal zijn, niet {Describe(e)}");
            return fallback;
        }
        Check(field, v, limit);
        return v;
    }

    public double? OptionalNumber(string field) => Present(field) ? Number(field, true) : null;

    public decimal Money(string field, bool required, Limit<decimal> limit)
    {
        if (!TryGet(field, required, out var e)) return 0m;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var v))
        {
            Fail(field, $"moet een getal zijn, niet {Describe(e)}");
            return 0m;
        }
        Check(field, v, limit);
        return v;
    }

    /// <summary>
    /// A whole number inside <paramref name="limit"/> when given, however it is written (2, 2.0, 2e0: see <see cref="WholeNumber"/>);
    /// <paramref name="fallback"/> when absent or not a whole number an int holds.
    /// </summary>
    public int Int(string field, bool required, Limit<int>? limit = null, int fallback = 0)
    {
        if (!TryGet(field, required, out var e)) return fallback;
        var kind = WholeNumber.Kind.Fraction;
        var v = 0;
        // TryGetInt32 takes what nearly every line writes (2); the text decides the rest (2.0, 2e0, 2.5).
        if (e.ValueKind == JsonValueKind.Number) kind = e.TryGetInt32(out v) ? WholeNumber.Kind.Int : WholeNumber.Read(e.GetRawText(), out v);
        if (kind == WholeNumber.Kind.Int)
        {
            Check(field, v, limit);
            return v;
        }
        Fail(field, kind == WholeNumber.Kind.BeyondInt ? OutsideInt(e, limit) : $"moet een geheel getal zijn, niet {Describe(e)}");
        return fallback;
    }

    /// <summary>Why a whole number beyond what an int holds is refused: by the field's own limit when it names the side, else by the int's.</summary>
    private static string OutsideInt(JsonElement number, Limit<int>? limit)
    {
        var value = number.GetDouble();
        var shown = double.IsFinite(value) ? Dutch.Exact(value) : Describe(number);
        if (limit is { } l && (value < 0 || l.Max is not null)) return $"moet {l} zijn, niet {shown}";
        return value > 0 ? $"moet hoogstens {Dutch.Exact(int.MaxValue)} zijn, niet {shown}" : $"moet minstens {Dutch.Exact(int.MinValue)} zijn, niet {shown}";
    }

    public int? OptionalInt(string field, Limit<int> limit) => Present(field) ? Int(field, true, limit) : null;

    /// <summary>Records a violation when a rule between fields gave a <paramref name="refusal"/>.</summary>
    public void Holds(string field, string? refusal)
    {
        if (refusal is not null) Fail(field, refusal);
    }

    private void Check<T>(string field, T value, Limit<T>? limit) where T : struct, System.Numerics.INumber<T>
    {
        if (limit?.Refusal(value) is { } refusal) Fail(field, refusal);
    }

    public bool Bool(string field, bool required = false, bool fallback = false)
    {
        if (!TryGet(field, required, out var e)) return fallback;
        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False) return e.GetBoolean();
        Fail(field, $"moet true of false zijn, niet {Describe(e)}");
        return fallback;
    }

    public bool? OptionalBool(string field) => Present(field) ? Bool(field, true) : null;

    public T Enum<T>(string field, bool required, T fallback = default) where T : struct, System.Enum
    {
        if (!TryGet(field, required, out var e)) return fallback;
        return ParseEnum(e, _prefix + field, fallback);
    }

    public T? OptionalEnum<T>(string field) where T : struct, System.Enum => Present(field) ? Enum<T>(field, true) : null;

    public IReadOnlyList<T> EnumList<T>(string field, bool atLeastOne) where T : struct, System.Enum
    {
        var list = Array<Box<T>>(field, (e, path) => new Box<T>(ParseEnum<T>(e, path, default)), required: atLeastOne);
        if (atLeastOne && list.Count == 0 && Present(field)) Fail(field, "moet minstens één waarde bevatten");
        return list.Select(b => b.Value).Distinct().ToArray();
    }

    public DateOnly Date(string field, bool required)
    {
        if (!TryGet(field, required, out var e)) return default;
        if (e.ValueKind == JsonValueKind.String &&
            DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        Fail(field, $"moet een datum (JJJJ-MM-DD) zijn, niet {Describe(e)}");
        return default;
    }

    public DateOnly? OptionalDate(string field) => Present(field) ? Date(field, true) : null;

    public DateTimeOffset DateTime(string field)
    {
        if (!TryGet(field, true, out var e)) return default;
        if (e.ValueKind == JsonValueKind.String && DateTimeIso().IsMatch(e.GetString()!) &&
            DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            return t;
        Fail(field, $"moet een ISO 8601-tijdstip met tijdzone zijn, zoals 2025-05-10T09:30+02:00, niet {Describe(e)}");
        return default;
    }

    /// <summary>Requires lat and lon inside the Netherlands' bounding box.</summary>
    public (double Lat, double Lon) Coordinates(bool required = true)
    {
        var lat = Number("lat", required);
        var lon = Number("lon", required);
        InNetherlands(lat, lon);
        return (lat, lon);
    }

    /// <summary>
    /// When lat and lon were both read, names each one outside the Netherlands' bounding box: "lon: (52,2348; 200) ligt buiten
    /// Nederland (lat 50,7–53,7, lon 3,3–7,3)".
    /// </summary>
    public void InNetherlands(double lat, double lon)
    {
        if (!Usable("lat", "lon")) return;
        var where = $"({Dutch.Exact(lat)}; {Dutch.Exact(lon)}) ligt buiten Nederland (lat {ContractLimits.Latitude}, lon {ContractLimits.Longitude})";
        if (!ContractLimits.Latitude.Allows(lat)) Fail("lat", where);
        if (!ContractLimits.Longitude.Allows(lon)) Fail("lon", where);
    }

    public void HoursRange(double min, double max, string minField = "hours_min", string maxField = "hours_max")
    {
        if (Usable(minField, maxField)) Holds(minField, ContractLimits.AboveRefusal(min, max, maxField));
    }

    /// <summary>Reads an array of objects with a child reader per element (field paths like <c>tasks[2].name</c>).</summary>
    public IReadOnlyList<T> Objects<T>(string field, Func<RecordReader, T?> read) where T : class =>
        Array(field, (e, path) =>
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                FailAt(path, $"moet een object zijn, niet {Describe(e)}");
                return null;
            }
            return read(new RecordReader(e, Violations, path + "."));
        });

    /// <summary>A child object (e.g. <c>protected</c>), or null when absent.</summary>
    public T? Object<T>(string field, Func<RecordReader, T?> read) where T : class
    {
        if (!Present(field)) return null;
        var e = _element.GetProperty(field);
        if (e.ValueKind != JsonValueKind.Object)
        {
            Fail(field, $"moet een object zijn, niet {Describe(e)}");
            return null;
        }
        return read(new RecordReader(e, Violations, _prefix + field + "."));
    }

    public string? OneOf(string field, IReadOnlyList<string> allowed)
    {
        if (!Present(field)) return null;
        var e = _element.GetProperty(field);
        var s = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (s is null || !allowed.Contains(s))
        {
            Fail(field, $"moet {Dutch.List(allowed.Append("null"), "of")} zijn, niet {Describe(e)}");
            return null;
        }
        return s;
    }

    public bool Present(string field) =>
        _element.TryGetProperty(field, out var e) && e.ValueKind != JsonValueKind.Null;

    private string? String(string field, bool required)
    {
        if (!TryGet(field, required, out var e)) return null;
        if (e.ValueKind == JsonValueKind.String) return e.GetString();
        Fail(field, $"moet een tekst zijn, niet {Describe(e)}");
        return null;
    }

    private bool TryGet(string field, bool required, out JsonElement value)
    {
        if (_element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null) return true;
        if (required) Fail(field, "ontbreekt");
        return false;
    }

    private IReadOnlyList<T> Array<T>(string field, Func<JsonElement, string, T?> item, bool required = false)
    {
        if (!TryGet(field, required, out var e)) return [];
        if (e.ValueKind != JsonValueKind.Array)
        {
            Fail(field, $"moet een lijst zijn, niet {Describe(e)}");
            return [];
        }
        var list = new List<T>(e.GetArrayLength());
        var i = 0;
        foreach (var x in e.EnumerateArray())
        {
            var v = item(x, $"{_prefix}{field}[{i++}]");
            if (v is not null) list.Add(v);
        }
        return list;
    }

    private T ParseEnum<T>(JsonElement e, string path, T fallback) where T : struct, System.Enum
    {
        if (e.ValueKind == JsonValueKind.String && Vocabulary.TryParse<T>(e.GetString()!, out var v)) return v;
        Violations.Add(new FieldViolation(path, $"moet {Dutch.List(Vocabulary.Names<T>(), "of")} zijn, niet {Describe(e)}"));
        return fallback;
    }

    private sealed record Box<T>(T Value);

    /// <summary>A value as a refusal quotes it: a text in quotes and cut, a number as sent but with a decimal comma ("2,5").</summary>
    internal static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"'{Truncate(e.GetString()!)}'",
        JsonValueKind.Number => Truncate(e.GetRawText().Replace('.', ',')),
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Array => "een lijst",
        JsonValueKind.Object => "een object",
        _ => "null",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex IscoPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeIso();
}
