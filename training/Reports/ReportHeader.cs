using System.Globalization;
using MatchEngine.Models.Registry;

namespace MatchEngine.Training.Reports;

/// <summary>The opening and the closing of every model report: what the version is and was trained on, and how to promote or roll it back. Stateless.</summary>
public static class ReportHeader
{
    /// <summary>Title, manifest facts, training settings and the held-out description.</summary>
    public static void Write(MarkdownReport report, ModelRegistry registry, ModelManifest manifest, string purpose, string heldOut)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(manifest);
        var promoted = registry.Promoted(manifest.Name);
        report.Heading(1, $"{manifest.Name} report — {manifest.Version}")
            .Paragraph($"{purpose}, written {registry.Time.GetUtcNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. " +
                       $"Served now: {promoted ?? "nothing"}{(promoted == manifest.Version ? " (this version)" : "")}.")
            .Table(["", ""],
            [
                ["algorithm", manifest.Kind],
                ["created", manifest.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
                ["trained on", $"{manifest.TrainedFrom:yyyy-MM-dd} … {manifest.TrainedTo:yyyy-MM-dd}"],
                ["data hash", manifest.DataHash],
                ["held out", heldOut],
                ["settings", manifest.Config is { Count: > 0 } c ? string.Join(", ", c.Select(x => $"{x.Key}={x.Value}")) : "defaults"],
                ["notes", manifest.Notes ?? ""],
            ]);
    }

    /// <summary>The commands that act on this version.</summary>
    public static void WriteActions(MarkdownReport report, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(manifest);
        report.Heading(2, "Next steps")
            .Paragraph($"Promote: `matchengine models promote {manifest.Version} --reason \"…\"` (gRPC `Models/Promote`). " +
                       $"Undo: `matchengine models rollback {manifest.Name}` (gRPC `Models/Rollback`). " +
                       $"Re-evaluate later on newer data: `matchengine evaluate {manifest.Version}` (gRPC `Models/Evaluate`). " +
                       "The api serves a promotion within its poll interval, without a restart.");
    }
}
