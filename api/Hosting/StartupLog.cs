using MatchEngine.Engine;

namespace MatchEngine.Api.Hosting;

/// <summary>What the api says about its data when it starts, so a user sees which folder it serves.</summary>
internal static partial class StartupLog
{
    /// <summary>Logs the absolute data directory and the store, and warns when there is no store to serve.</summary>
    public static void Data(ILogger logger, DataLayout layout)
    {
        DataDirectory(logger, layout.Root, layout.Store.ToString());
        if (!layout.Store.IsShared && !File.Exists(layout.StorePath)) NoStore(logger, layout.Root);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data directory {DataDirectory} (store: {Store})")]
    private static partial void DataDirectory(ILogger logger, string dataDirectory, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No store.db in {DataDirectory}: serving an empty store. "
        + "Import a contract folder first (matchengine import DIR --data {DataDirectory}), or set MatchEngine:DataDirectory to the folder import wrote")]
    private static partial void NoStore(ILogger logger, string dataDirectory);
}
