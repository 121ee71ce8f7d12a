using Grpc.Core;
using MatchEngine.Api.Grpc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;

namespace MatchEngine.Api.Security;

/// <summary>
/// Answers a gRPC call that authentication or a method's roles refuse as UNAUTHENTICATED or PERMISSION_DENIED with a
/// Dutch status message, in a trailers-only response. ASP.NET's own answer is a bare HTTP 401 or 403, which clients
/// show as "Received HTTP status code 401". Console pages and the HTTP/JSON api keep ASP.NET's answers (the console
/// redirects to its sign-in page).
/// </summary>
public sealed class GrpcAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !IsGrpc(context.Request))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        // The handler of the request's scheme keeps its result, so asking again does not validate the token twice.
        if (authorizeResult.Forbidden)
            TrailersOnly.Write(context.Response, StatusCode.PermissionDenied, $"uw rol {RoleName(context)} mag {MethodName(context.Request.Path)} niet aanroepen");
        else
            TrailersOnly.Write(context.Response, StatusCode.Unauthenticated, Unauthenticated((await context.AuthenticateAsync()).Failure));
    }

    /// <summary>Why the caller is not signed in, as far as it helps the caller and tells an attacker nothing.</summary>
    public static string Unauthenticated(Exception? failure) => failure switch
    {
        null => "niet aangemeld: geef een token (Authorization: Bearer …) of een api-sleutel (x-api-key) mee",
        SecurityTokenExpiredException => "uw token is verlopen; vraag een nieuw token aan",
        CallerWithoutUserException => "uw token noemt geen gebruiker (sub); de audittrail moet weten wie vraagt",
        _ => "uw token of api-sleutel wordt niet aanvaard (ongeldige ondertekening, uitgever, doelgroep of sleutel)",
    };

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    private static string RoleName(HttpContext context)
    {
        var caller = CallerClaims.Of(context.User);
        return caller.Roles.Count == 0 ? "(geen)" : caller.RoleName;
    }

    /// <summary>"Catalog/Upsert" for "/matchengine.v1.Catalog/Upsert".</summary>
    private static string MethodName(PathString path)
    {
        var value = (path.Value ?? "").TrimStart('/');
        var service = value.Split('/')[0];
        return service[(service.LastIndexOf('.') + 1)..] + value[service.Length..];
    }
}

/// <summary>A token that validates but names no user (<c>sub</c>): refused, as the audit trail must name who asked.</summary>
public sealed class CallerWithoutUserException() : SecurityTokenValidationException("the token names no user (sub)");
