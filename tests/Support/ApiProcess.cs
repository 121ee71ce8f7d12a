using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MatchEngine.Tests.Support;

/// <summary>
/// The built api started as a user starts it, with the real <c>dotnet run --no-build --project api</c> from a folder of
/// the test's choosing; stdout and stderr are collected. Disposing kills the process tree.
/// </summary>
public sealed class ApiProcess : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiting = [];

    private ApiProcess(Process process) => _process = process;

    /// <summary>Everything written to stdout so far.</summary>
    public string Stdout { get { lock (_lock) return string.Join('\n', _stdout); } }

    /// <summary>Everything written to stderr so far.</summary>
    public string Stderr { get { lock (_lock) return string.Join('\n', _stderr); } }

    /// <summary>Starts <c>dotnet run --no-build -c CONFIG --project REPO/api -- ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    public static ApiProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", "--no-build", "-c", Configuration, "--project", Path.Combine(Repository.Root(), "api"), "--" }.Concat(args))
            start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var api = new ApiProcess(Process.Start(start)!);
        api._process.OutputDataReceived += (_, e) => api.Add(api._stdout, e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Add(api._stderr, e.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        return api;
    }

    /// <summary>The first stdout line matching <paramref name="pattern"/>, waiting up to <paramref name="timeout"/>.</summary>
    public Task<Match> WaitForAsync(Regex pattern, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            foreach (var line in _stdout)
                if (pattern.Match(line) is { Success: true } m) return Task.FromResult(m);
            _waiting.Add((pattern, found));
        }
        return found.Task.WaitAsync(timeout);
    }

    /// <summary>The exit code, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }

    private void Add(List<string> lines, string? line)
    {
        if (line is null) return;
        lock (_lock)
        {
            lines.Add(line);
            if (!ReferenceEquals(lines, _stdout)) return;
            foreach (var w in _waiting.ToArray())
                if (w.Pattern.Match(line) is { Success: true } m)
                {
                    w.Found.TrySetResult(m);
                    _waiting.Remove(w);
                }
        }
    }
}
