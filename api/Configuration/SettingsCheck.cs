using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Reflection;
using MatchEngine.Api.Security;
using MatchEngine.Engine.Domain;
using Microsoft.Extensions.Options;

namespace MatchEngine.Api.Configuration;

/// <summary>
/// The api's settings checked in Dutch, one line per problem naming the setting, its value and the reason
/// (<c>instelling MatchEngine:Port moet 0–65.535 zijn, niet 99.999</c>): a number or switch that does not read as one, a
/// number outside the property's <see cref="RangeAttribute"/>, an empty <see cref="RequiredAttribute"/> setting, a host that
/// is no IP address, no key to check tokens with. The api host checks the configuration with <see cref="Problems"/> before it
/// is built (the binder's and Kestrel's own errors are English stack traces), and the same rules validate the options on
/// start. A signing key's value is never repeated. Stateless.
/// </summary>
public static class SettingsCheck
{
    /// <summary>The problems of the <c>MatchEngine</c> section of <paramref name="configuration"/> (not of its keys for authentication).</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MatchEngineOptions.Section);
        var unreadable = new List<string>();
        foreach (var p in Properties())
        {
            if (section[p.Name] is not { } raw) continue;
            if (p.PropertyType == typeof(int) && !int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                unreadable.Add($"{Setting(p.Name)} moet een geheel getal zijn, niet '{raw}'");
            else if (p.PropertyType == typeof(bool) && !bool.TryParse(raw, out _))
                unreadable.Add($"{Setting(p.Name)} moet true of false zijn, niet '{raw}'");
        }
        if (unreadable.Count > 0) return unreadable;
        var options = new MatchEngineOptions();
        section.Bind(options);
        return Failures(options);
    }

    /// <summary>The problems of bound <paramref name="options"/>: ranges, required settings, the host.</summary>
    public static IReadOnlyList<string> Failures(MatchEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var p in Properties())
        {
            var value = p.GetValue(options);
            if (p.GetCustomAttribute<RequiredAttribute>() is not null && string.IsNullOrWhiteSpace(value as string))
                failures.Add($"{Setting(p.Name)} mag niet leeg zijn");
            else if (p.GetCustomAttribute<RangeAttribute>() is { } range && value is int n
                     && Limit.Between((int)range.Minimum, (int)range.Maximum).Refusal(n) is { } refusal)
                failures.Add($"{Setting(p.Name)} {refusal}");
        }
        if (!string.IsNullOrWhiteSpace(options.Host) && !IPAddress.TryParse(options.Host, out _))
            failures.Add($"{Setting(nameof(MatchEngineOptions.Host))} moet een IP-adres zijn (zoals 127.0.0.1), niet '{options.Host}'");
        return failures;
    }

    /// <summary>Why <paramref name="options"/> give no way to check a bearer token, or nothing when they do.</summary>
    public static IReadOnlyList<string> Failures(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bytes = SigningKeyBytes(options.SigningKey);
        if (!string.IsNullOrEmpty(options.Authority) || bytes >= 32) return [];
        const string key = $"instelling {AuthOptions.Section}:{nameof(AuthOptions.SigningKey)}";
        var why = string.IsNullOrEmpty(options.SigningKey) ? "ontbreekt"
            : bytes == 0 ? "is geen geldige base64"
            : $"is {bytes} bytes lang, moet minstens 32 zijn";
        return [$"{key} {why}: de api start pas met een sleutel (base64, minstens 32 bytes; matchengine token --new-key maakt er een) " +
                 $"of met {AuthOptions.Section}:{nameof(AuthOptions.Authority)}"];
    }

    /// <summary>The failures of the options the host validates on start, read now, so that a refusal comes before anything starts.</summary>
    public static IReadOnlyList<string> StartFailures(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            // MatchEngine settings were checked before the host was built (Problems); the bearer token's need the host's configuration.
            _ = services.GetRequiredService<IOptions<AuthOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
    }

    /// <summary>The bytes a base64 signing key decodes to; 0 when it is missing or not base64.</summary>
    internal static int SigningKeyBytes(string? base64)
    {
        if (string.IsNullOrEmpty(base64)) return 0;
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var n) ? n : 0;
    }

    private static string Setting(string property) => $"instelling {MatchEngineOptions.Section}:{property}";

    private static IEnumerable<PropertyInfo> Properties() =>
        typeof(MatchEngineOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);
}

/// <summary>Validates <see cref="MatchEngineOptions"/> on start by <see cref="SettingsCheck"/>'s rules.</summary>
internal sealed class MatchEngineOptionsValidator : IValidateOptions<MatchEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, MatchEngineOptions options) =>
        SettingsCheck.Failures(options) is [_, ..] failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
}

/// <summary>Validates <see cref="AuthOptions"/> on start: a signing key or an authority is required.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
        SettingsCheck.Failures(options) is [_, ..] failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
}

/// <summary>Settings the host cannot start with, each a Dutch line of <see cref="SettingsCheck"/>.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    /// <summary>One line per problem.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
