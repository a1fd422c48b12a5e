using Microsoft.Extensions.Logging;

namespace Workbench.Peer;

/// <summary>Every line a peer logs, in one place: none of them can carry key material, because none takes it.</summary>
internal static partial class PeerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "session {Session} from {Caller} (first call {Method})")]
    public static partial void Session(ILogger log, string session, string caller, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "cpu slots {Before} -> {After}")]
    public static partial void SlotsChanged(ILogger log, int before, int after);

    [LoggerMessage(Level = LogLevel.Information, Message = "draining: running chunks finish, new work is refused")]
    public static partial void Draining(ILogger log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused {Method} from {Caller}: {Reason}")]
    public static partial void Refused(ILogger log, string method, string caller, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "installed plugin {Folder} ({Sha}) shipped by a client")]
    public static partial void Installed(ILogger log, string folder, string sha);
}
