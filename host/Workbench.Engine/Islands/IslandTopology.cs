using Workbench.Engine.Running;

namespace Workbench.Engine.Islands;

/// <summary>Who sends migrants to whom: pure functions of the topology, the island count and which islands still
/// take part, so the same answers hold whether islands are threads here or peers on other machines later.</summary>
public static class IslandTopology
{
    /// <summary>The islands whose emigrants <paramref name="receiver"/> may take, in ascending island order.
    /// Ring: island k receives from k − 1 (mod K). Fully connected: from every other island.
    /// A retired island (one that reported a stop reason) neither sends nor receives, and a ring is not
    /// re-linked around it: its successor simply receives nothing.</summary>
    public static IReadOnlyList<int> Sources(MigrationTopology topology, int receiver, IReadOnlyList<bool> active)
    {
        ArgumentNullException.ThrowIfNull(active);
        var count = active.Count;
        ArgumentOutOfRangeException.ThrowIfNegative(receiver);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(receiver, count);
        if (count < 2 || !active[receiver])
        {
            return [];
        }

        switch (topology)
        {
            case MigrationTopology.Ring:
                var previous = (receiver + count - 1) % count;
                return active[previous] ? [previous] : [];
            case MigrationTopology.FullyConnected:
                var sources = new List<int>(count - 1);
                for (var k = 0; k < count; k++)
                {
                    if (k != receiver && active[k])
                    {
                        sources.Add(k);
                    }
                }

                return sources;
            default:
                throw new ArgumentOutOfRangeException(nameof(topology), topology, "Unknown migration topology.");
        }
    }

    /// <summary>The text form used by the CLI and in run descriptions.</summary>
    public static string Name(MigrationTopology topology) => topology switch
    {
        MigrationTopology.Ring => "ring",
        MigrationTopology.FullyConnected => "fully-connected",
        _ => topology.ToString(),
    };

    /// <summary>Parses <c>ring</c> or <c>fully-connected</c> (case-insensitive); null for anything else.</summary>
    public static MigrationTopology? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ring" => MigrationTopology.Ring,
        "fully-connected" or "full" or "fullyconnected" => MigrationTopology.FullyConnected,
        _ => null,
    };
}
