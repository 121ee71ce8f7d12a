using System.Reflection;
using System.Text.RegularExpressions;
using MatchEngine.Api.Security;
using MatchEngine.Training.Cli;

namespace MatchEngine.Api.Configuration;

/// <summary>
/// The command line of <c>dotnet run --project api</c> and of its <c>demo</c>, checked before the host is built. Settings
/// are configuration keys as options, <c>--MatchEngine:Port=5081</c> or <c>--MatchEngine:Port 5081</c> (names ignore case,
/// as configuration does): the properties of <see cref="MatchEngineOptions"/> and <see cref="AuthOptions"/>, the api keys'
/// fields, and anything under ASP.NET's own <c>Logging:</c> and <c>Kestrel:</c>. The demo also takes <c>--serve</c> and
/// <c>--as-of</c>. Anything else is a <see cref="CliUsageException"/> in one Dutch line naming the argument, as the
/// <c>matchengine</c> command line words it. Stateless.
/// </summary>
public static partial class ApiCommandLine
{
    /// <summary>The usage line of the api.</summary>
    public const string ApiUsage =
        "gebruik: dotnet run --project api -c Release [-- --MatchEngine:Port=5080 --MatchEngine:ConsolePort=8080 --MatchEngine:DataDirectory=DIR …]" +
        "   serveert de store in MatchEngine:DataDirectory (standaard ./data) over gRPC op 127.0.0.1:5080 (MatchEngine:Host, MatchEngine:Port) " +
        "en de webconsole op poort 8080 (MatchEngine:ConsolePort); elke instelling kan ook als omgevingsvariabele (MatchEngine__Port=5081); " +
        "de api start pas met MatchEngine:Auth:SigningKey of MatchEngine:Auth:Authority; dotnet run --project api -c Release -- demo --help voor de demo";

    /// <summary>The usage line of the demo.</summary>
    public const string DemoUsage =
        "gebruik: dotnet run --project api -c Release -- demo [--serve] [--as-of YYYY-MM-DD] [--MatchEngine:Port=5081] [--MatchEngine:ConsolePort=8081] " +
        "[--MatchEngine:DataDirectory=DIR]   genereert, importeert en traint een synthetische regio als de datamap nog geen store heeft, serveert die en " +
        "toont wat elke gebruiker vraagt; --serve blijft daarna serveren, --as-of kiest de dag (standaard de datum van de gegevens)";

    /// <summary>What <c>--help</c> prints: the usage line, then the settings the command line accepts.</summary>
    public static string Help(bool demo) =>
        $"{(demo ? DemoUsage : ApiUsage)}{Environment.NewLine}instellingen: {string.Join(", ", SettingNames.Select(k => "--" + k))}";

    /// <summary>A parsed command line: whether help was asked, the demo's own options, and the settings for the host.</summary>
    /// <param name="Help"><c>--help</c> or <c>-h</c> was given (nothing else is then checked).</param>
    /// <param name="Serve">The demo's <c>--serve</c>.</param>
    /// <param name="AsOf">The demo's <c>--as-of</c>, or null.</param>
    /// <param name="Settings">The settings as <c>--KEY=VALUE</c>, for <c>WebApplication.CreateBuilder</c>.</param>
    public sealed record Parsed(bool Help, bool Serve, DateOnly? AsOf, IReadOnlyList<string> Settings);

    /// <summary>The keys every run accepts, as the refusal lists them (N: an index from 0).</summary>
    public static IReadOnlyList<string> SettingNames { get; } =
    [
        .. Properties(typeof(MatchEngineOptions), MatchEngineOptions.Section),
        .. Properties(typeof(AuthOptions), AuthOptions.Section).Where(k => !k.EndsWith(":" + nameof(AuthOptions.ApiKeys), StringComparison.Ordinal)),
        .. new[] { nameof(ApiKeyAccount.Name), nameof(ApiKeyAccount.KeySha256), nameof(ApiKeyAccount.Role), nameof(ApiKeyAccount.Regions) + ":N" }
            .Select(field => $"{AuthOptions.Section}:{nameof(AuthOptions.ApiKeys)}:N:{field}"),
        "Logging:…",
        "Kestrel:…",
    ];

    /// <summary>
    /// <see cref="Parse"/>, answering what needs no host: a refusal as one line on stderr named by <paramref name="tool"/> (exit code 1),
    /// <c>--help</c> as the usage on stdout (exit code 0). Null, with that exit code, when it answered.
    /// </summary>
    public static (Parsed? Parsed, int ExitCode) ParseOrAnswer(string tool, IReadOnlyList<string> args, bool demo)
    {
        Parsed parsed;
        try
        {
            parsed = Parse(args, demo);
        }
        catch (CliUsageException e)
        {
            Console.Error.WriteLine($"{tool}: {e.Message}");
            return (null, 1);
        }
        if (!parsed.Help) return (parsed, 0);
        Console.WriteLine(Help(demo));
        return (null, 0);
    }

    /// <summary>
    /// Parses the arguments after <c>--</c> (for the demo: after <c>demo</c>); throws <see cref="CliUsageException"/> on an
    /// argument that is not a setting (nor, for the demo, <c>--serve</c> or <c>--as-of DATE</c>), a setting without a value, or
    /// an <c>--as-of</c> that is no date.
    /// </summary>
    public static Parsed Parse(IReadOnlyList<string> args, bool demo)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h")) return new Parsed(true, false, null, []);
        var serve = false;
        DateOnly? asOf = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new CliUsageException(demo || i > 0
                    ? $"onbekend argument '{arg}'; {(demo ? "de demo" : "de api")} neemt alleen opties (--help toont ze)"
                    : $"onbekende opdracht '{arg}'; de api kent alleen de opdracht demo en verder instellingen als --MatchEngine:Port=5081");
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq >= 0 ? arg[2..eq] : arg[2..];
            if (demo && name == "serve" && eq < 0)
            {
                serve = true;
                continue;
            }
            if (!(demo && name == "as-of") && !IsSetting(name)) throw new CliUsageException(Unknown(name, demo));
            string value;
            if (eq >= 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Count) value = args[++i];
            else throw CliArgs.MissingValue(name);
            if (name == "as-of") asOf = CliArgs.Date(name, value);
            else settings.Add($"--{name}={value}");
        }
        return new Parsed(false, serve, asOf, settings);
    }

    /// <summary>True for a key the host reads (<see cref="SettingNames"/>, an index in place of each N), in any case.</summary>
    private static bool IsSetting(string key) => Keys.Contains(Index().Replace(key, ":N")) || AspNetSection().IsMatch(key);

    private static readonly HashSet<string> Keys = new(SettingNames, StringComparer.OrdinalIgnoreCase);

    private static string Unknown(string name, bool demo)
    {
        IReadOnlyList<string> accepted = demo ? ["serve", "as-of", .. SettingNames, "help"] : [.. SettingNames, "help"];
        var keys = accepted.Where(k => !k.Contains('…', StringComparison.Ordinal) && !k.Contains(":N", StringComparison.Ordinal)).ToArray();
        // "--port" or "--data" means a setting by its last part: MatchEngine:Port, MatchEngine:DataDirectory.
        var near = CliArgs.Nearest(name, keys)
            ?? keys.FirstOrDefault(k => string.Equals(LastPart(k), name, StringComparison.OrdinalIgnoreCase))
            ?? (name.Length >= 3 ? keys.FirstOrDefault(k => LastPart(k).StartsWith(name, StringComparison.OrdinalIgnoreCase)) : null);
        return CliArgs.UnknownOption(name, accepted, near);
    }

    private static string LastPart(string key) => key[(key.LastIndexOf(':') + 1)..];

    private static IEnumerable<string> Properties(Type options, string section) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{section}:{p.Name}");

    [GeneratedRegex(@":\d+(?=:|$)")]
    private static partial Regex Index();

    [GeneratedRegex(@"^(Logging|Kestrel):[^:]", RegexOptions.IgnoreCase)]
    private static partial Regex AspNetSection();
}
