using System.Globalization;
using System.Text.RegularExpressions;
using MatchEngine.Engine;

namespace MatchEngine.Training.Cli;

/// <summary>
/// Parsed command-line arguments: positional values and <c>--name value</c> / <c>--flag</c> options.
/// Immutable after parsing. Option names are given without the leading dashes.
/// </summary>
public sealed partial class CliArgs
{
    private readonly Dictionary<string, string?> _options;

    private CliArgs(IReadOnlyList<string> positional, Dictionary<string, string?> options)
    {
        Positional = positional;
        _options = options;
    }

    /// <summary>Arguments that are not options, in order (the verb is not included).</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>
    /// Parses <paramref name="args"/>; <paramref name="flags"/> names the options that take no value. With
    /// <paramref name="accepted"/>, any other option is a usage error naming it and the accepted ones.
    /// </summary>
    public static CliArgs Parse(IEnumerable<string> args, IReadOnlySet<string> flags, IReadOnlyList<string>? accepted = null)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (accepted is not null && SingleDashOption().IsMatch(arg))
                throw new CliUsageException(UnknownOption(arg[1..].Split('=')[0], accepted, dashes: "-"));
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            var key = eq >= 0 ? name[..eq] : name;
            if (accepted is not null && !accepted.Contains(key, StringComparer.Ordinal))
                throw new CliUsageException(UnknownOption(key, accepted));
            if (options.ContainsKey(key)) throw new CliUsageException($"optie --{key} staat er meer dan eens; geef haar één keer");
            if (eq >= 0 && flags.Contains(key))
                throw new CliUsageException($"optie --{key} neemt geen waarde; schrijf --{key} zonder '={name[(eq + 1)..]}'");
            if (eq >= 0)
            {
                options[key] = name[(eq + 1)..];
            }
            else if (flags.Contains(name))
            {
                options[name] = null;
            }
            else
            {
                options[name] = e.MoveNext() ? e.Current : throw MissingValue(name);
            }
        }
        return new CliArgs(positional, options);
    }

    /// <summary>
    /// The usage error when more than <paramref name="most"/> positional arguments were given (a verb that takes none, or a
    /// word too many): "onverwacht argument 'extra'; deze opdracht neemt geen losse argumenten". Null when the count fits.
    /// </summary>
    public CliUsageException? TooManyArguments(int most)
    {
        if (Positional.Count <= most) return null;
        var extra = string.Join(" ", Positional.Skip(most).Select(a => $"'{a}'"));
        var words = Positional.Count - most == 1 ? "onverwacht argument" : "onverwachte argumenten";
        return new CliUsageException(most == 0 ? $"{words} {extra}; deze opdracht neemt geen losse argumenten, alleen opties"
            : $"{words} {extra}; deze opdracht neemt hoogstens {most} losse {(most == 1 ? "argument" : "argumenten")}");
    }

    /// <summary>
    /// The refusal of an option not in <paramref name="accepted"/> (names without dashes): "onbekende optie --topp (bedoelt u
    /// --top?); geldige opties: …". The suggestion is <paramref name="near"/> when given, else the accepted name
    /// <see cref="Nearest">nearest</see> to <paramref name="name"/>.
    /// </summary>
    public static string UnknownOption(string name, IReadOnlyList<string> accepted, string? near = null, string dashes = "--")
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var valid = accepted.Count == 0 ? "deze opdracht heeft geen opties" : "geldige opties: " + string.Join(", ", accepted.Select(a => "--" + a));
        near ??= Nearest(name, accepted);
        return $"onbekende optie {dashes}{name}{(near is null ? "" : $" (bedoelt u --{near}?)")}; {valid}";
    }

    /// <summary>The candidate at most two edits from <paramref name="name"/> (ignoring case), the closest first; null when none is.</summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var lower = name.ToLowerInvariant();
        return candidates.Select(c => (Candidate: c, Distance: Distance(c.ToLowerInvariant(), lower)))
            .Where(c => c.Distance <= 2).OrderBy(c => c.Distance).Select(c => c.Candidate).FirstOrDefault();
    }

    /// <summary>
    /// <paramref name="value"/> of option <paramref name="name"/> as a date a request may name (<see cref="RequestDates"/>, as over gRPC), or any
    /// day when <paramref name="request"/> is false; a usage error naming both when it is not one.
    /// </summary>
    public static DateOnly Date(string name, string value, bool request = true)
    {
        try
        {
            return request ? RequestDates.Parse(value, name) : RequestDates.ParseDay(value, name);
        }
        catch (InvalidRequestException e)
        {
            throw new CliUsageException($"optie --{name} {e.Reason}");
        }
    }

    /// <summary>The usage error of option <paramref name="name"/> given last, without the value it needs.</summary>
    public static CliUsageException MissingValue(string name) => new($"optie --{name} heeft een waarde nodig");

    /// <summary>An option written with one dash (<c>-vacancy</c>); a negative number (<c>-0.1</c>) is a value, not an option.</summary>
    [GeneratedRegex("^-[A-Za-z][A-Za-z0-9-]*(=.*)?$")]
    private static partial Regex SingleDashOption();

    /// <summary>Levenshtein distance, for suggesting the option a typo meant.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>True when the option or flag was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The option's value, or <paramref name="fallback"/> when absent.</summary>
    public string? Get(string name, string? fallback = null) =>
        _options.TryGetValue(name, out var v) ? v ?? fallback : fallback;

    /// <summary>The option's value; a usage error when absent.</summary>
    public string Require(string name) =>
        Get(name) ?? throw new CliUsageException($"optie --{name} ontbreekt");

    /// <summary>
    /// The option's value as the full path of a file to write, or null when absent and not <paramref name="required"/>;
    /// a failure naming the option when the path is a folder, which would otherwise surface as an access error.
    /// </summary>
    public string? OutputFile(string name, bool required = true)
    {
        var path = required ? Require(name) : Get(name);
        if (path is null) return null;
        if (path.Length == 0) throw new CliUsageException($"optie --{name} mag niet leeg zijn: geef een bestandsnaam");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new CliFailureException($"optie --{name}: {full} is een map; geef een bestandsnaam");
        return full;
    }

    /// <summary>The option as an integer, or <paramref name="fallback"/> when absent.</summary>
    public int GetInt(string name, int fallback)
    {
        var v = Get(name);
        if (v is null) return fallback;
        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CliUsageException($"optie --{name} moet een geheel getal zijn, niet '{v}'");
    }

    /// <summary>The option as a number, or <paramref name="fallback"/> when absent.</summary>
    public double GetDouble(string name, double fallback)
    {
        var v = Get(name);
        if (v is null) return fallback;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CliUsageException($"optie --{name} moet een getal zijn, niet '{v}'");
    }

    /// <summary>
    /// The option as a date (yyyy-MM-dd), or null when absent: a date a request may name (<see cref="RequestDates"/>), or with
    /// <paramref name="request"/> false any day, for a setting that checks its own range.
    /// </summary>
    public DateOnly? GetDate(string name, bool request = true)
    {
        var v = Get(name);
        if (v is null) return null;
        return Date(name, v, request);
    }
}

/// <summary>A wrong use of the command line: the host prints it with the usage and exits with 1.</summary>
public sealed class CliUsageException(string message) : Exception(message);
