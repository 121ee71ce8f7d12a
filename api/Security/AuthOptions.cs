namespace MatchEngine.Api.Security;

/// <summary>
/// Authentication settings (<c>MatchEngine:Auth</c>). Either <see cref="SigningKey"/> (HS256, base64, at least
/// 32 bytes; generate one with <c>matchengine token --new-key</c>) or an OIDC <see cref="Authority"/> must be
/// set: there is no built-in key, and the api refuses to start without one.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "MatchEngine:Auth";

    /// <summary>Base64 HS256 key that bearer tokens are signed with.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OIDC authority whose signing keys validate bearer tokens (instead of <see cref="SigningKey"/>).</summary>
    public string? Authority { get; set; }

    /// <summary>The console's client id at the identity provider (OpenID Connect sign-in, with <see cref="Authority"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>The console's client secret at the identity provider, when it is a confidential client.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Expected audience of OIDC tokens; default "matchengine".</summary>
    public string Audience { get; set; } = "matchengine";

    /// <summary>Service accounts: callers that send <c>x-api-key</c>, matched by the key's SHA-256 (hex).</summary>
    public List<ApiKeyAccount> ApiKeys { get; set; } = [];
}

/// <summary>A service account: name, the SHA-256 hex of its key (the key itself is never stored), role and regions.</summary>
public sealed class ApiKeyAccount
{
    public string Name { get; set; } = "";
    public string KeySha256 { get; set; } = "";
    public string Role { get; set; } = "";
    public List<string> Regions { get; set; } = [];
}
