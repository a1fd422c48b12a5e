using Grpc.Core;

namespace Workbench.Peer;

/// <summary>Reads one request header of a call from Kestrel's parsed headers. <see cref="ServerCallContext.RequestHeaders"/>
/// would build a fresh <see cref="Metadata"/> copy of every header on first use: a few microseconds on each signed
/// round trip, whose bar (issue 11) is a quarter of a millisecond. The peer is always hosted by ASP.NET Core.</summary>
internal static class CallHeaders
{
    public static string? Get(ServerCallContext context, string name)
    {
        var values = context.GetHttpContext().Request.Headers[name];
        return values.Count == 0 ? null : values[0];
    }
}
