using Workbench.Contracts.Tasks;
using Workbench.Engine.Mapping;

namespace Workbench.Engine.Experiments;

/// <summary>The Playdoh paper's Fig. 4A: the speed-up of a map of independent jobs over the same jobs run one after
/// another, as the number of peers and of slots per peer grows. The slots come from the caller (peers it started),
/// so this class knows nothing of the network.</summary>
public sealed class MapScalingExperiment
{
    /// <summary>One configuration: peers × slots each, the map's wall time, the serial time it is compared with,
    /// and the speed-up (serial / wall) against the ideal (peers × slots).</summary>
    public sealed record Point(string Job, int Peers, int SlotsPerPeer, int Jobs, double WallSeconds, double SerialSeconds, double Speedup, int Failed)
    {
        public int Ideal => Peers * SlotsPerPeer;
    }

    public event Action<Point>? PointMeasured;

    /// <param name="label">The job as shown (<c>sleep 1 s</c>, <c>lif</c>).</param>
    /// <param name="serialSeconds">What the jobs take one after another: exactly count × pause for a sleep job,
    /// measured on one local slot for a job that computes.</param>
    /// <param name="slots">The slots of <paramref name="peers"/> peers with <paramref name="slotsPerPeer"/> each.</param>
    public async Task<Point> MeasureAsync(string label, MapJob job, int count, double serialSeconds, int peers, int slotsPerPeer, IJobSlotSource slots, CancellationToken cancellationToken)
    {
        var inputs = Enumerable.Range(0, count).Select(i => TaskValue.FromInteger(i)).ToArray();
        var result = await new MapScheduler().RunAsync(job, inputs, slots, null, cancellationToken).ConfigureAwait(false);
        var wall = result.Wall.TotalSeconds;
        var point = new Point(label, peers, slotsPerPeer, count, wall, serialSeconds, serialSeconds / wall, result.FailedIndices.Count);
        PointMeasured?.Invoke(point);
        return point;
    }

    /// <summary>The serial time of a job that computes: the map run on one slot of this machine.</summary>
    public static async Task<double> SerialSecondsAsync(MapJob job, int count, CancellationToken cancellationToken)
    {
        var inputs = Enumerable.Range(0, count).Select(i => TaskValue.FromInteger(i)).ToArray();
        var result = await new MapScheduler().RunAsync(job, inputs, new LocalJobSlots(1), null, cancellationToken).ConfigureAwait(false);
        return result.Wall.TotalSeconds;
    }
}
