using MatchEngine.Engine.Domain;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Reports;

/// <summary>The opening and the closing of every model report, in Dutch: what the version is and was trained on, and how to promote or roll it back. Stateless.</summary>
public static class ReportHeader
{
    /// <summary>Title, manifest facts, training settings and the held-out description.</summary>
    public static void Write(MarkdownReport report, ModelRegistry registry, ModelManifest manifest, string purpose, string heldOut)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(manifest);
        var promoted = registry.Promoted(manifest.Name);
        report.Heading(1, $"Rapport {manifest.Name} — {manifest.Version}")
            .Paragraph($"{purpose}, geschreven op {Dutch.DateTime(registry.Time.GetUtcNow())} (UTC). " +
                       $"Nu in gebruik: {promoted ?? "geen versie"}{(promoted == manifest.Version ? " (deze versie)" : "")}.")
            .Table(["", ""],
            [
                ["algoritme", manifest.Kind],
                ["gemaakt op", $"{Dutch.DateTime(manifest.CreatedAt.ToUniversalTime())} (UTC)"],
                ["trainingsperiode", $"{Day(manifest.TrainedFrom)} t/m {Day(manifest.TrainedTo)}"],
                ["gegevenshash", manifest.DataHash],
                ["achtergehouden", heldOut],
                ["instellingen", manifest.Config is { Count: > 0 } c ? $"`{string.Join(", ", c.Select(x => $"{x.Key}={x.Value}"))}`" : "standaardwaarden"],
                ["notities", manifest.Notes ?? ""],
            ]);
    }

    /// <summary>The commands that act on this version.</summary>
    public static void WriteActions(MarkdownReport report, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(manifest);
        report.Heading(2, "Volgende stappen")
            .Paragraph($"Promoveren: `matchengine models promote {manifest.Version} --reason \"…\"` (gRPC `Models/Promote`). " +
                       $"Terugdraaien: `matchengine models rollback {manifest.Name}` (gRPC `Models/Rollback`). " +
                       $"Later opnieuw evalueren op nieuwere gegevens: `matchengine evaluate {manifest.Version}` (gRPC `Models/Evaluate`). " +
                       "De api gebruikt een gepromoveerde versie binnen het interval waarmee hij het register controleert, zonder herstart.");
    }

    private static string Day(DateOnly? day) => day is { } d ? Dutch.Date(d) : "–";
}
