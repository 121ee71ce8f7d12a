using MatchEngine.Training.Access;
using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Cli;

/// <summary>
/// <c>matchengine token --user U --role R [--region GV ...] [--hours 8 (1-168)] [--signing-key BASE64]</c>: prints a bearer
/// token for the api. The key comes from <c>--signing-key</c> or the MATCHENGINE_SIGNING_KEY environment variable;
/// <c>matchengine token --new-key</c> prints a fresh key to configure the api with (MatchEngine__Auth__SigningKey).
/// </summary>
public sealed class TokenCommand : ICommand
{
    private static readonly string[] RolesKnown = ["accountmanager", "consulent", "sroi-makelaar", "data-scientist", "admin"];

    public string Verb => "token";
    public string Usage => "token --user U --role accountmanager|consulent|sroi-makelaar|data-scientist|admin [--region R[,R]] [--hours N] [--signing-key K] | token --new-key";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "new-key" };
    /// <summary>Signs tokens; opens no store.</summary>
    public DataUse Data => DataUse.None;

    public Task<int> RunAsync(CliArgs args, CliContext context, CancellationToken cancellationToken)
    {
        if (args.Has("new-key"))
        {
            context.Out.WriteLine(AccessTokens.NewSigningKey());
            return Task.FromResult(ExitCodes.Ok);
        }
        var role = args.Require("role");
        if (!RolesKnown.Contains(role)) throw new CliUsageException($"--role moet {Dutch.List(RolesKnown, "of")} zijn, niet '{role}'");
        var regions = (args.Get("region") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (role is "accountmanager" or "consulent" && regions.Length == 0) throw new CliUsageException($"een {role} heeft --region nodig");
        var key = args.Get("signing-key") ?? Environment.GetEnvironmentVariable("MATCHENGINE_SIGNING_KEY")
            ?? throw new CliUsageException("geef --signing-key of zet MATCHENGINE_SIGNING_KEY (de sleutel waarmee de api is ingesteld)");
        if (AccessTokens.SigningKeyRefusal(key) is { } badKey)
            throw new CliUsageException($"{(args.Has("signing-key") ? "optie --signing-key" : "MATCHENGINE_SIGNING_KEY")} {badKey} (matchengine token --new-key maakt een sleutel)");
        var user = args.Require("user");
        if (string.IsNullOrWhiteSpace(user)) throw new CliUsageException("optie --user mag niet leeg zijn: het audittrail noemt wie iets vroeg");
        var hours = args.GetInt("hours", 8);
        if (Limit.Between(1, (int)AccessTokens.MaxLifetime.TotalHours).Refusal(hours) is { } badHours) throw new CliUsageException($"--hours {badHours}");
        context.Out.WriteLine(AccessTokens.Mint(key, user, role, regions, TimeSpan.FromHours(hours), context.Time));
        return Task.FromResult(ExitCodes.Ok);
    }
}
