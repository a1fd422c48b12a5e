namespace Workbench.Engine.Tasks;

/// <summary>Watches a task run: the CLI's progress line, the TUI's per-node bars.</summary>
/// <remarks>Called from node threads, one call at a time (the runtime serialises them), so an implementation
/// needs no lock of its own but must return quickly. Progress is throttled per node before it arrives here.
/// An observer that throws fails the node that reported.</remarks>
public interface ITaskObserver
{
    void OnNodeProgress(NodeProgress progress);

    void OnNodeFinished(NodeStatistics node);
}

/// <summary>How far one node is: <paramref name="Fraction"/> in 0..1 and what it says it is doing.</summary>
public sealed record NodeProgress(string TaskId, int Node, double Fraction, string? Message);

/// <summary>What one node did: wall time from initialisation to result, time spent in tube pushes and pops
/// (waiting included, so it is the node's communication cost), and how many values it sent and received.</summary>
public sealed record NodeStatistics(int Node, bool Succeeded, TimeSpan Elapsed, TimeSpan TubeTime, long Pushed, long Popped)
{
    /// <summary>Share of the node's time spent in tubes (0 when it took no time).</summary>
    public double TubeShare => Elapsed > TimeSpan.Zero ? TubeTime / Elapsed : 0;
}
