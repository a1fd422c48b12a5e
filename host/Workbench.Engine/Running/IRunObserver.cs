namespace Workbench.Engine.Running;

/// <summary>Receives a run's events: the store, a live plot, a progress line. Called on the run's thread, in
/// order; keep each call short (buffer and hand off if the work is slow).</summary>
/// <remarks>An observer that throws fails the run (a store that cannot write must not let a run go on unrecorded);
/// <see cref="OnRunFinished"/> is still delivered to every observer.</remarks>
public interface IRunObserver
{
    void OnRunStarted(RunDescription run);

    void OnIteration(IterationRecord record);

    void OnRunFinished(RunSummary summary);
}
