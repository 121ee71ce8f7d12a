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

    public static void AddMatchEngineHttpApi(this IServiceCollection services)
    {
        // The error details the services attach (ErrorMappingInterceptor, UnreadableRequests) must be known to the JSON
        // writer, or an INVALID_ARGUMENT with its field violations becomes an empty 500.
        services.AddGrpc().AddJsonTranscoding(o => o.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, QuotaFailure.Descriptor));
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
