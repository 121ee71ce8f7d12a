namespace MatchEngine.Api.ModelLifecycle;

/// <summary>One training run or evaluation at a time in this process, whether gRPC or the console started it. One per process.</summary>
public sealed class ModelRunGate : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _one.WaitAsync(cancellationToken);

    /// <summary>True when no run is going on now (and it takes the gate); false leaves it as it is.</summary>
    public bool TryEnter() => _one.Wait(0);

    public void Release() => _one.Release();

    public void Dispose() => _one.Dispose();
}
