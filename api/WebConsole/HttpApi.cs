using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.OpenApi.Models;

namespace MatchEngine.Api.WebConsole;

/// <summary>
/// The gRPC services over HTTP/JSON (gRPC JSON transcoding) on the console port, under <c>/api/v1/...</c> as the
/// protos' <c>google.api.http</c> options name them, with their OpenAPI description at <c>/api/v1/openapi.json</c>.
/// Same services, same bearer tokens or api keys, same policy layer and audit trail as over gRPC.
/// </summary>
public static class HttpApi
{
    public const string OpenApiPath = "/api/v1/openapi.json";

    /// <summary>The error details the services attach (ErrorMappingInterceptor, UnreadableRequests), which an answer in JSON must know.</summary>
    public static readonly TypeRegistry ErrorDetails = TypeRegistry.FromMessages(BadRequest.Descriptor, QuotaFailure.Descriptor);

    public static void AddMatchEngineHttpApi(this IServiceCollection services)
    {
        // Without the details' types, an INVALID_ARGUMENT with its field violations becomes an empty 500.
        services.AddGrpc().AddJsonTranscoding(o => o.TypeRegistry = ErrorDetails);
        services.AddGrpcSwagger();
        services.AddSwaggerGen(o => o.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "MatchEngine",
            Version = "v1",
            Description = "The MatchEngine gRPC services over HTTP/JSON. Authenticate with 'Authorization: Bearer TOKEN' (matchengine token) or 'x-api-key'.",
        }));
    }

    public static void MapMatchEngineHttpApi(this WebApplication app) =>
        app.UseSwagger(o => o.RouteTemplate = "api/{documentName}/openapi.json");
}
