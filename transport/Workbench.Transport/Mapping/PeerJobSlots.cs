using Workbench.Contracts.Tasks;
using Workbench.Engine.Mapping;
using Workbench.Transport.Client;

namespace Workbench.Transport.Mapping;

/// <summary>The map's slots on peers: every CPU slot a peer that is up shares, asked again before each dispatch,
/// so a peer that joins (or comes back) is used from then on and one that is lost stops getting chunks. This
/// machine's slots can take part beside them.</summary>
public sealed class PeerJobSlots : IJobSlotSource, IDisposable
{
    private readonly PeerCluster _cluster;
    private readonly PluginShipper _shipper;
    private readonly IJobSlotSource? _local;
    private readonly Dictionary<(PeerConnection, int), IJobSlot> _slots = [];

    public PeerJobSlots(PeerCluster cluster, PluginShipper shipper, IJobSlotSource? local)
    {
        _cluster = cluster;
        _shipper = shipper;
        _local = local;
    }

    public IReadOnlyList<IJobSlot> Current()
    {
        _cluster.ReprobeInBackground();
        var slots = new List<IJobSlot>(_local?.Current() ?? []);
        lock (_slots)
        {
            foreach (var peer in _cluster.Up)
            {
                for (var i = 0; i < (peer.Info?.CpuSlots ?? 0); i++)
                {
                    if (!_slots.TryGetValue((peer, i), out var slot))
                    {
                        slot = new PeerJobSlot(peer, i, this);
                        _slots[(peer, i)] = slot;
                    }

                    slots.Add(slot);
                }
            }
        }

        return slots;
    }

    public void Dispose() => _cluster.Dispose();

    private sealed class PeerJobSlot(PeerConnection peer, int index, PeerJobSlots owner) : IJobSlot
    {
        public string Name { get; } = $"{peer.Name}:{index}";

        public async ValueTask<IReadOnlyList<JobResult>> RunAsync(MapJob job, IReadOnlyList<(int Index, TaskValue Input)> chunk, CancellationToken cancellationToken)
        {
            try
            {
                var outcomes = await RemoteJobs.RunAsync(peer, owner._shipper, job.Spec, chunk, cancellationToken).ConfigureAwait(false);
                return outcomes.Select(o => o.Error is null
                    ? JobResult.Success(o.Index, o.Output!)
                    : JobResult.Failure(o.Index, $"job '{job.Spec.Id}' failed on input {o.Index} on peer {peer.Name}: {o.Error}")).ToArray();
            }
            catch (PeerUnavailableException e)
            {
                if (owner._cluster.StateOf(peer) == PeerState.Up)
                {
                    owner._cluster.MarkLost(e);
                }

                throw new JobSlotLostException(Name, e.Message, e);
            }
        }
    }
}
