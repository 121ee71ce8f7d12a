using System.Text.Json;
using System.Text.Json.Serialization;
using MatchEngine.Engine.Contract;

namespace MatchEngine.Training.Synth;

/// <summary>
/// What a synthetic region was made with, as <c>synth.json</c> beside its contract files: seed, sizes, "today", the
/// history policy and the shape of the hidden truth. Not a contract file (import reads only the contract's files), but
/// <c>import</c> keeps a copy in the data directory, so <c>ceiling</c> grades the region by the truth it was made with
/// instead of the one a caller remembers.
/// </summary>
public sealed record SynthSettings(
    int Seed, int Candidates, int Vacancies, string Region, DateOnly Today, bool History, HistoryPolicy HistoryPolicy, TruthShape Truth,
    double Messy, string? BiasedHistory)
{
    /// <summary>The file's name in a region's folder and in a data directory.</summary>
    public const string FileName = "synth.json";

    /// <summary>The contract's JSON conventions, indented, with the history policy and truth by their option names ("random", "gated").</summary>
    private static readonly JsonSerializerOptions Json = Options();

    /// <summary>
    /// The settings of a region generated with <paramref name="options"/>, its labels made messy for a <paramref name="messy"/>
    /// share, with the <c>--biased-history</c> text it was given.
    /// </summary>
    public static SynthSettings Of(SynthOptions options, double messy = 0, string? biasedHistory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Seed, options.Candidates, options.Vacancies, options.Region, options.Today, options.History,
            options.HistoryPolicy, options.Truth, messy, biasedHistory);
    }

    /// <summary>Writes <see cref="FileName"/> into <paramref name="folder"/>.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json) + "\n");
    }

    /// <summary>The settings in <paramref name="folder"/>; null when it holds no <see cref="FileName"/>.</summary>
    public static SynthSettings? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<SynthSettings>(File.ReadAllText(path), Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: geen leesbare synth-instellingen ({e.Message})", e);
        }
    }

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(ContractJson.Options) { WriteIndented = true };
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }

    /// <summary>
    /// Copies <paramref name="source"/>'s <see cref="FileName"/> into <paramref name="target"/>; false, and nothing changed,
    /// when <paramref name="source"/> holds none (a region not made by <c>synth</c>).
    /// </summary>
    public static bool CopyInto(string source, string target)
    {
        var from = Path.Combine(source, FileName);
        if (!File.Exists(from)) return false;
        Directory.CreateDirectory(target);
        File.Copy(from, Path.Combine(target, FileName), overwrite: true);
        return true;
    }
}
