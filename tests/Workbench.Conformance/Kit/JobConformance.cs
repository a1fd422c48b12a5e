using Workbench.Contracts.Jobs;
using Workbench.Contracts.Options;
using Workbench.Contracts.Tasks;

namespace Workbench.Conformance;

/// <summary>Checks a job plugin (<c>wb map</c>): created from its default options, every input gives the same output
/// on a fresh job, again, and concurrently, because the host re-runs a lost peer's inputs elsewhere and keeps
/// whichever answer comes first.</summary>
public static class JobConformance
{
    /// <param name="factory">The job's factory, as the catalog would discover it.</param>
    /// <param name="inputs">A few representative inputs.</param>
    public static IReadOnlyList<TaskValue> Check(IJobFactory factory, IReadOnlyList<TaskValue> inputs)
    {
        IJob Create()
        {
            try
            {
                return factory.Create(factory.Options.Defaults);
            }
            catch (OptionException e)
            {
                throw new ConformanceException($"{factory.Id}: its default options are refused: {e.Message}");
            }
        }

        var job = Create();
        var first = inputs.Select(i => job.Run(i, CancellationToken.None)).ToArray();
        var fresh = Create();
        var again = inputs.Select(i => fresh.Run(i, CancellationToken.None)).ToArray();
        var concurrent = new TaskValue[inputs.Count];
        Parallel.For(0, inputs.Count, i => concurrent[i] = job.Run(inputs[i], CancellationToken.None));
        for (var i = 0; i < inputs.Count; i++)
        {
            if (!first[i].Equals(again[i]) || !first[i].Equals(concurrent[i]))
            {
                throw new ConformanceException($"{factory.Id}: input {i} gave different outputs on different runs; a job's output must depend on its input alone");
            }
        }

        return first;
    }
}
