using System.Text.RegularExpressions;

namespace MatchEngine.Training.Cli;

/// <summary>The options a verb accepts, read from its usage line so that what is shown and what is accepted cannot differ.</summary>
public static partial class CliUsage
{
    /// <summary>Options every verb that opens a data directory accepts.</summary>
    public static readonly IReadOnlyList<string> Common = ["data", "postgres"];

    /// <summary>The options (without dashes) <paramref name="command"/> accepts, in the order its usage names them, then the common ones.</summary>
    public static IReadOnlyList<string> Options(ICommand command)
    {
        var names = OptionPattern().Matches(command.Usage).Select(m => m.Groups[1].Value).Concat(command.Flags.Order(StringComparer.Ordinal));
        if (command.Data != DataUse.None) names = names.Concat(Common);
        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>What <c>matchengine VERB --help</c> prints.</summary>
    public static string Help(ICommand command)
    {
        var common = command.Data == DataUse.None
            ? ""
            : Environment.NewLine + "algemene opties: --data DIR (standaard ./data, vanuit de huidige map; "
              + (command.Data == DataUse.CreatesStore ? "wordt aangemaakt als die ontbreekt" : "moet een store bevatten die import heeft gemaakt") + ")"
              + ", --postgres CONNSTR (een gedeelde PostgreSQL-store in plaats van DIR/store.db)";
        return $"gebruik: matchengine {command.Usage}{common}";
    }

    [GeneratedRegex(@"(?<![\w-])--([a-z][a-z0-9-]*)")]
    private static partial Regex OptionPattern();
}
