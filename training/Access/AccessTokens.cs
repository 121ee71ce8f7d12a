using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MatchEngine.Training.Access;

/// <summary>
/// Mints HS256 JSON Web Tokens for the api: subject, role, the arbeidsmarktregio's the caller may see,
/// issuer and audience "matchengine", and an expiry. Used by <c>matchengine token</c>, the demo and the
/// tests; the api validates them with the configured signing key. There is no built-in key.
/// </summary>
public static class AccessTokens
{
    /// <summary>Issuer and audience of every token.</summary>
    public const string Issuer = "matchengine";

    /// <summary>Claim holding one region; repeated for several.</summary>
    public const string RegionClaim = "region";

    /// <summary>A fresh random signing key (32 bytes, base64), e.g. for a demo run or a test server.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The fewest bytes a signing key may decode to: the api refuses to start with a shorter one.</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>
    /// Why <paramref name="signingKeyBase64"/> cannot sign a token the api accepts, in Dutch ("is geen geldige base64", "is 8 bytes
    /// lang, moet minstens 32 zijn"); null when it can.
    /// </summary>
    public static string? SigningKeyRefusal(string signingKeyBase64)
    {
        ArgumentNullException.ThrowIfNull(signingKeyBase64);
        var buffer = new byte[signingKeyBase64.Length];
        if (signingKeyBase64.Length == 0 || !Convert.TryFromBase64String(signingKeyBase64, buffer, out var bytes)) return "is geen geldige base64";
        return bytes < MinSigningKeyBytes ? $"is {bytes} bytes lang, moet minstens {MinSigningKeyBytes} zijn" : null;
    }

    /// <summary>The longest lifetime of a token: a week. A longer-lived caller (a service) uses an api key.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// A signed token for <paramref name="user"/> in <paramref name="role"/>, valid for <paramref name="lifetime"/>
    /// (more than zero, at most <see cref="MaxLifetime"/>; otherwise <see cref="ArgumentOutOfRangeException"/>).
    /// </summary>
    public static string Mint(string signingKeyBase64, string user, string role, IReadOnlyCollection<string> regions, TimeSpan lifetime, TimeProvider time) =>
        Mint(signingKeyBase64, user, [role], regions, lifetime, time);

    /// <summary>A signed token for <paramref name="user"/> holding every role in <paramref name="roles"/> (one role: a string claim; several: an array).</summary>
    public static string Mint(string signingKeyBase64, string user, IReadOnlyList<string> roles, IReadOnlyCollection<string> regions, TimeSpan lifetime, TimeProvider time)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"a token lives more than 0 and at most {MaxLifetime.TotalHours:0} hours");
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = new Dictionary<string, object>
        {
            ["sub"] = user, ["role"] = roles.Count == 1 ? roles[0] : roles.ToArray(), ["iss"] = Issuer, ["aud"] = Issuer, ["iat"] = now, ["nbf"] = now,
            ["exp"] = now + (long)lifetime.TotalSeconds, ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        };
        if (regions.Count > 0) payload[RegionClaim] = regions.ToArray();
        var body = Encode(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = Encode(HMACSHA256.HashData(Convert.FromBase64String(signingKeyBase64), Encoding.ASCII.GetBytes(header + "." + body)));
        return $"{header}.{body}.{signature}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
