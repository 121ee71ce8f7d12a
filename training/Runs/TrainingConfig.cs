using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using MatchEngine.Engine.Domain;
using MatchEngine.Models.Ranking;

namespace MatchEngine.Training.Runs;

/// <summary>
/// A training run's settings as a JSON file (<c>matchengine train MODEL --config FILE</c>), snake_case:
/// <c>{"as_of": "2025-06-30", "seed": 42, "trees": 200, "leaves": 24, "learning_rate": 0.1,
/// "min_examples_per_leaf": 20, "train_share": 0.8, "ips_eta": null, "ips_clip": 10}</c>.
/// Every field is optional; a missing one takes the model's default. The fairness threshold is not a training
/// setting but the registry's policy, which only an admin sets (<see cref="PolicyFieldMessage"/>). A command-line option given next to
/// the file wins over the file. The resolved settings are stored in every manifest the run writes, so a
/// run can be repeated from its manifest alone. Immutable.
/// </summary>
public sealed record TrainingConfig
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Data known by this day (YYYY-MM-DD) only; null: all data.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Seed of every trainer and of the permutation importance; default 42.</summary>
    public int? Seed { get; init; }

    /// <summary>Trees (boosting rounds); default ranker 200, herinstroom 100 per horizon, leerwerk 40.</summary>
    public int? Trees { get; init; }

    /// <summary>Leaves per tree; default ranker 24, leerwerk 4.</summary>
    public int? Leaves { get; init; }

    /// <summary>Learning rate of the ranker; default 0.1.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Minimum examples per leaf; default ranker 20, leerwerk 30.</summary>
    public int? MinExamplesPerLeaf { get; init; }

    /// <summary>Herinstroom: share of placements (by start date) in the training part; default 0.8.</summary>
    public double? TrainShare { get; init; }

    /// <summary>Ranker evaluation: examination exponent η of the position-based propensity 1/position^η; null: estimated from the logged data.</summary>
    public double? IpsEta { get; init; }

    /// <summary>Ranker evaluation: largest inverse-propensity weight (clipping); default 10.</summary>
    public double? IpsClip { get; init; }

    /// <summary>Reads a config file; an unknown field or a malformed value is an <see cref="ArgumentException"/> naming the file.</summary>
    public static TrainingConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ArgumentException($"configuratiebestand bestaat niet: {path}");
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"configuratiebestand {path}: {e.Message}", e);
        }
    }

    /// <summary>Why a run refuses a fairness threshold among its settings.</summary>
    public const string PolicyFieldMessage =
        "fairness_threshold is beleid, geen trainingsinstelling: een admin stelt de drempel in met `matchengine models fairness-threshold VALUE --reason \"waarom\"` " +
        "(of Models.SetFairnessThreshold), en elke run en elke promotie wordt eraan gehouden";

    /// <summary>Parses config JSON; an unknown field, a fairness threshold, a malformed value or one out of range (<see cref="Checked"/>) is an <see cref="ArgumentException"/>.</summary>
    public static TrainingConfig Parse(string json)
    {
        try
        {
            using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("fairness_threshold", out _))
                    throw new ArgumentException(PolicyFieldMessage);
            return (JsonSerializer.Deserialize<TrainingConfig>(json, Json) ?? new TrainingConfig()).Checked();
        }
        catch (JsonException e)
        {
            throw new ArgumentException(Unreadable(e), e);
        }
    }

    /// <summary>
    /// This config when every set field lies in the range a trainer can use; otherwise an <see cref="ArgumentException"/> naming the first field
    /// out of range, in Dutch, before any data is read or any version written.
    /// </summary>
    public TrainingConfig Checked()
    {
        static void Check<T>(string field, T? value, Limit<T> limit) where T : struct, INumber<T>
        {
            if (value is { } v && limit.Refusal(v) is { } refusal) throw new ArgumentException($"{field}: {refusal}");
        }
        Check("trees", Trees, Limit.Between(1, 10_000).Grouped());
        Check("leaves", Leaves, Limit.Between(2, 1_024).Grouped());
        Check("min_examples_per_leaf", MinExamplesPerLeaf, Limit.Between(1, 100_000).Grouped());
        Check("learning_rate", LearningRate, new Limit<double>(0, 1, MinExclusive: true));
        Check("train_share", TrainShare, new Limit<double>(0, 0.99, MinExclusive: true));
        Check("ips_eta", IpsEta, Limit.Between(0.0, 5.0));
        Check("ips_clip", IpsClip, Limit.Between(1.0, 1_000_000.0).Grouped());
        return this;
    }

    /// <summary>The fields a config file may hold, snake_case, in declaration order.</summary>
    private static readonly string[] Fields = [.. typeof(TrainingConfig).GetProperties().Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))];

    // Why the JSON was refused, in Dutch: the field when the reader names one (an unknown field or a value of the wrong
    // kind), else the line of the syntax error.
    private static string Unreadable(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        if (field is null) return $"geen geldige JSON (regel {((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)})";
        return Fields.Contains(field, StringComparer.Ordinal)
            ? $"{field}: waarde is niet te lezen"
            : $"{field}: onbekend veld; geldige velden: {string.Join(", ", Fields)}";
    }

    /// <summary>This config with every non-null field of <paramref name="over"/> put over it.</summary>
    public TrainingConfig With(TrainingConfig over)
    {
        ArgumentNullException.ThrowIfNull(over);
        return new TrainingConfig
        {
            AsOf = over.AsOf ?? AsOf, Seed = over.Seed ?? Seed, Trees = over.Trees ?? Trees, Leaves = over.Leaves ?? Leaves,
            LearningRate = over.LearningRate ?? LearningRate, MinExamplesPerLeaf = over.MinExamplesPerLeaf ?? MinExamplesPerLeaf,
            TrainShare = over.TrainShare ?? TrainShare,
            IpsEta = over.IpsEta ?? IpsEta, IpsClip = over.IpsClip ?? IpsClip,
        };
    }

    /// <summary>The ranker's defaults: <see cref="RankerOptions"/>' own, and propensity weights clipped at 10.</summary>
    private static TrainingConfig RankerDefaults()
    {
        var o = new RankerOptions();
        return new TrainingConfig { Seed = o.Seed, Trees = o.Trees, Leaves = o.Leaves, LearningRate = o.LearningRate, MinExamplesPerLeaf = o.MinExamplesPerLeaf, IpsClip = 10 };
    }

    /// <summary>This config with every unset field that <paramref name="model"/> uses filled with its default, as the run will use it.</summary>
    public TrainingConfig ResolvedFor(string model) => model switch
    {
        "ranker" => RankerDefaults().With(this),
        "herinstroom" => new TrainingConfig { Seed = 42, Trees = 100, TrainShare = 0.8 }.With(this),
        "leerwerk" => new TrainingConfig { Seed = 42, Trees = 40, Leaves = 4, MinExamplesPerLeaf = 30 }.With(this),
        _ => this,
    };

    /// <summary>The settings as flat strings for a manifest (null fields left out).</summary>
    public IReadOnlyDictionary<string, string> ToManifest()
    {
        var d = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, object? value)
        {
            if (value is not null) d[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }
        Add("as_of", AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("seed", Seed);
        Add("trees", Trees);
        Add("leaves", Leaves);
        Add("learning_rate", LearningRate);
        Add("min_examples_per_leaf", MinExamplesPerLeaf);
        Add("train_share", TrainShare);
        Add("ips_eta", IpsEta);
        Add("ips_clip", IpsClip);
        return d;
    }

    /// <summary>The config a manifest was trained with (the inverse of <see cref="ToManifest"/>).</summary>
    public static TrainingConfig FromManifest(IReadOnlyDictionary<string, string>? values)
    {
        if (values is null) return new TrainingConfig();
        string? S(string k) => values.TryGetValue(k, out var v) ? v : null;
        int? I(string k) => S(k) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        double? D(string k) => S(k) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;
        return new TrainingConfig
        {
            AsOf = S("as_of") is { } a ? DateOnly.ParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Seed = I("seed"), Trees = I("trees"), Leaves = I("leaves"), LearningRate = D("learning_rate"), MinExamplesPerLeaf = I("min_examples_per_leaf"),
            TrainShare = D("train_share"), IpsEta = D("ips_eta"), IpsClip = D("ips_clip"),
        };
    }
}
