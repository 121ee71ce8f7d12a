namespace MatchEngine.Api.Grpc;

/// <summary>The limits of a gRPC call to the api.</summary>
public static class GrpcLimits
{
    /// <summary>The largest request message the api reads: 4 MB, gRPC's customary limit; larger amounts of records travel as a stream of messages.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;
}
