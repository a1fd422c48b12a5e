using System.Globalization;
using Workbench.Engine.Cluster;

namespace Workbench.Tui.Cluster;

/// <summary>How a peer reads in the Cluster table and in the line under it (the table is cut at 80 columns, the
/// line carries what does not fit: the reason a peer is down, its versions, all its plugins).</summary>
internal static class PeerText
{
    public static readonly string[] Columns = ["address", "name", "state", "busy/cpu", "gpu", "load", "rtt ms", "plugins"];

    public static string[] Cells(PeerStatus p) =>
    [
        p.Address,
        p.Name ?? "-",
        p.Reachable ? "up" : "down",
        p.CpuSlots is { } slots ? $"{p.CpuBusy ?? 0}/{slots}" : "-",
        p.GpuSlots?.ToString(CultureInfo.InvariantCulture) ?? "-",
        p.Load?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
        p.RoundTripMs?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
        p.Plugins.Count == 0 ? "-" : string.Join(",", p.Plugins),
    ];

    public static string Detail(PeerStatus? p)
    {
        if (p is null)
        {
            return "no peers: type HOST[:PORT] in the address field and press F6 (WORKBENCH_PEERS fills the list at start)";
        }

        if (!p.Reachable)
        {
            return $"{p.Address} down: {p.Reason ?? "no answer"}";
        }

        var version = p.Version is null ? "" : $", wb {p.Version} contract {p.ContractVersion}";
        var plugins = p.Plugins.Count == 0 ? "none" : string.Join(", ", p.Plugins);
        return $"{p.Name} at {p.Address} up{version}: {p.CpuSlots} cpu slots shared, {p.CpuBusy} busy, {p.GpuSlots} gpu; plugins: {plugins}";
    }
}
