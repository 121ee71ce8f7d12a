using MatchEngine.Models.Herinstroom;
using MatchEngine.Models.Registry;

namespace MatchEngine.Engine.Risk;

/// <summary>Loads the promoted herinstroom model from the registry; the registry name, kinds and file names are defined here once.</summary>
public static class HerinstroomModels
{
    /// <summary>Registry name of the herinstroom model.</summary>
    public const string Name = "herinstroom";

    /// <summary>Manifest kind of the Cox model.</summary>
    public const string CoxKind = "Cox";

    /// <summary>Manifest kind of the IPCW FastTree model.</summary>
    public const string FastTreeKind = "FastTreeIpcw";

    /// <summary>The Cox model (served or explaining) within every version directory.</summary>
    public const string CoxFileName = "cox.json";

    /// <summary>Follows the promoted model, polling every <paramref name="poll"/> (null: only on <c>Refresh</c>).</summary>
    public static PromotedModel<HerinstroomModel> Follow(ModelRegistry registry, TimeSpan? poll) => new(registry, Name, Load, poll);

    /// <summary>Loads one saved version; throws when it was trained on other features than <see cref="HerinstroomFeatures.Names"/>.</summary>
    public static HerinstroomModel Load(ModelManifest manifest, string directory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var cox = CoxRiskModel.Load(Path.Combine(directory, CoxFileName));
        IHerinstroomModel risk = manifest.Kind switch
        {
            CoxKind => cox,
            FastTreeKind => FastTreeIpcwModel.Load(directory),
            var other => throw new InvalidOperationException($"{manifest.Version}: unknown herinstroom model kind '{other}'"),
        };
        if (!risk.InputFeatures.SequenceEqual(HerinstroomFeatures.Names, StringComparer.Ordinal) || !cox.InputFeatures.SequenceEqual(HerinstroomFeatures.Names, StringComparer.Ordinal))
            throw new InvalidOperationException($"{manifest.Version} is getraind op andere kenmerken dan deze engine berekent; train opnieuw met `matchengine train herinstroom`");
        return new HerinstroomModel(risk, cox);
    }
}
