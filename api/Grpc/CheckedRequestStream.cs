using Grpc.Core;

namespace MatchEngine.Api.Grpc;

/// <summary>A client stream whose every message passes <see cref="RequestIds.Check"/> before the method sees it.</summary>
internal sealed class CheckedRequestStream<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken)) return false;
        RequestIds.Check(inner.Current!);
        return true;
    }
}
