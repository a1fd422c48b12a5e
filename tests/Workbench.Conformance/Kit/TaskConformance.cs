using Workbench.Contracts.Tasks;
using Workbench.Engine;
using Workbench.Engine.Tasks;

namespace Workbench.Conformance;

/// <summary>Checks a parallel task plugin the way the host runs it: planned from its default options, its nodes
/// run on threads with their tubes, their results combined; and the same seed gives the same result.</summary>
public static class TaskConformance
{
    /// <summary>Runs the task twice with <paramref name="seed"/>; throws <see cref="ConformanceException"/> when
    /// it fails or the two results differ.</summary>
    /// <param name="factory">The task's factory, as the catalog would discover it.</param>
    /// <param name="options">Option text (<c>name -&gt; value</c>); defaults where absent. Keep the work small.</param>
    /// <param name="seed">The run seed; node i gets a sub-seed derived from it.</param>
    public static TaskResult Check(IParallelTaskFactory factory, IReadOnlyDictionary<string, string>? options = null, ulong seed = 42)
    {
        var first = Run(factory, options, seed);
        var second = Run(factory, options, seed);
        if (first.Sha256 != second.Sha256)
        {
            throw new ConformanceException($"{factory.Id}: two runs with seed {seed} gave different results; all randomness must come from the node's seed");
        }

        return first.Result;
    }

    private static TaskRunResult Run(IParallelTaskFactory factory, IReadOnlyDictionary<string, string>? options, ulong seed)
    {
        try
        {
            return new TaskRunner().Run(factory, options ?? new Dictionary<string, string>(), seed);
        }
        catch (Exception e) when (e is RunSetupException or PluginFailureException or ParallelTaskException)
        {
            throw new ConformanceException($"{factory.Id}: the task did not run: {e.Message}");
        }
    }
}
