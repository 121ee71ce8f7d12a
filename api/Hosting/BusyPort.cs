using System.Net;
using System.Net.Sockets;
using MatchEngine.Api.Configuration;

namespace MatchEngine.Api.Hosting;

/// <summary>
/// A port another process holds, found before the host starts: Kestrel's own failure would come with the host's
/// start-up error log and a stack trace, after the demo has spent minutes training.
/// </summary>
internal static class BusyPort
{
    /// <summary>True when <paramref name="port"/> on <paramref name="host"/> cannot be bound now (port 0, pick a free one, never is).</summary>
    public static bool IsBusy(string host, int port)
    {
        if (port == 0) return false;
        var listener = new TcpListener(IPAddress.Parse(host), port);
        try
        {
            listener.Start();
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return true;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>True for Kestrel's failure to bind an address that is in use.</summary>
    public static bool IsBindFailure(Exception e) =>
        e is IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } or Microsoft.AspNetCore.Connections.AddressInUseException;

    /// <summary>The one line printed instead: which port, and the flag that moves the gRPC server.</summary>
    public static string Message(string program, string host, int port) =>
        $"{program}: poort {port} op {host} is bezet (een andere MatchEngine-api of demo?); start op een andere poort met --MatchEngine:Port={(port == 5081 ? 5082 : 5081)}";

    /// <summary>The one line printed when the console's port is the busy one, with the flag that moves the console.</summary>
    public static string ConsoleMessage(string program, string host, int port) =>
        $"{program}: consolepoort {port} op {host} is bezet (een andere MatchEngine-api of demo?); " +
        $"start op een andere poort met --MatchEngine:ConsolePort={(port == 8081 ? 8082 : 8081)}";

    /// <summary>The line for whichever of the two ports is busy now, or null when both are free.</summary>
    public static string? Check(string program, MatchEngineOptions options) =>
        IsBusy(options.Host, options.Port) ? Message(program, options.Host, options.Port)
        : IsBusy(options.Host, options.ConsolePort) ? ConsoleMessage(program, options.Host, options.ConsolePort)
        : null;
}
