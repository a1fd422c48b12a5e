using Workbench.Engine.Cluster;

namespace Workbench.Tui.Tests.Unit;

/// <summary>A cluster in memory: every address that starts with "down" is unreachable, the others are up with the
/// slots last set; calls are recorded, and <see cref="Fail"/> makes every call throw as a missing key file would.</summary>
internal sealed class FakeCluster : IClusterService
{
    private readonly Dictionary<string, int> _slots = [];

    public List<string> Calls { get; } = [];

    public Exception? Fail { get; set; }

    public string? SharedAddress { get; private set; }

    public Task<IReadOnlyList<PeerStatus>> ProbeAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        Calls.Add($"probe {string.Join(",", addresses)}");
        ThrowIfFailing();
        // Like the real service, an address without a port comes back with the default one.
        return Task.FromResult<IReadOnlyList<PeerStatus>>(addresses.Select(a => Status(a.Contains(':') ? a : a + ":7760")).ToArray());
    }

    public Task<PeerStatus> SetSlotsAsync(string address, int cpuSlots, CancellationToken cancellationToken)
    {
        Calls.Add($"slots {address} {cpuSlots}");
        ThrowIfFailing();
        if (!address.StartsWith("down", StringComparison.Ordinal))
        {
            _slots[address] = cpuSlots;
        }

        return Task.FromResult(Status(address));
    }

    public Task<string?> ShareThisMachineAsync(int cpuSlots, CancellationToken cancellationToken)
    {
        Calls.Add($"share {cpuSlots}");
        ThrowIfFailing();
        SharedAddress = cpuSlots > 0 ? "thishost:7760" : null;
        return Task.FromResult(SharedAddress);
    }

    public static PeerStatus Up(string address, int slots) =>
        new(address, true, null, "peer-" + address.Split(':')[0], "0.1.0", 1, slots, 0, 0, 0.25, 1.5, ["pso", "sphere"]);

    private PeerStatus Status(string address) => address.StartsWith("down", StringComparison.Ordinal)
        ? new PeerStatus(address, false, "connection refused", null, null, null, null, null, null, null, null, [])
        : Up(address, _slots.GetValueOrDefault(address, 1));

    private void ThrowIfFailing()
    {
        if (Fail is not null)
        {
            throw Fail;
        }
    }
}
