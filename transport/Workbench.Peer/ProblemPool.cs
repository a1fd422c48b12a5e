using System.Collections.Concurrent;
using Workbench.Contracts.Jobs;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Catalog;
using Workbench.Engine;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Specs;

namespace Workbench.Peer;

/// <summary>Problems and jobs re-created from specs, kept for the next chunk: creating a problem can be costly
/// (a model loading its data), and a run sends the same spec thousands of times.</summary>
/// <remarks>Problems are lent one per chunk, so a problem that is not thread-safe is never used by two slots at
/// once; a thread-safe one is simply lent to all. The pool forgets specs it has not seen for a while.</remarks>
internal sealed class ProblemPool(IPluginShelf shelf, FunctionShelf functions)
{
    private const int MaxSpecs = 64;

    private readonly ConcurrentDictionary<ProblemSpec, ConcurrentBag<ProblemGuard>> _problems = new();
    private readonly ConcurrentDictionary<ComponentSpec, IJob> _jobs = new();

    /// <exception cref="RunSetupException">The spec names a plugin this peer does not hold, or is invalid.</exception>
    /// <exception cref="PluginFailureException">The plugin failed to create the problem.</exception>
    public ProblemGuard Rent(ProblemSpec spec)
    {
        var bag = _problems.GetOrAdd(spec, _ => []);
        if (bag.TryTake(out var problem))
        {
            return problem;
        }

        if (_problems.Count > MaxSpecs)
        {
            _problems.Clear();
        }

        if (spec.Component.Kind == Transport.Functions.FunctionBundles.Kind)
        {
            var (method, target) = functions.Resolve(spec.Component);
            return new ProblemGuard(new FunctionProblem(spec, method, target), spec.Component.PluginId, spec.NonFinite, spec);
        }

        return new SpecResolver(new ShelfCatalog(shelf)).CreateProblem(spec);
    }

    public void Return(ProblemSpec spec, ProblemGuard problem)
    {
        if (_problems.TryGetValue(spec, out var bag))
        {
            bag.Add(problem);
        }
    }

    /// <summary>The task factory a spec names (a task's nodes are created per call: they hold their node's state).</summary>
    public Registered<IParallelTaskFactory> Task(ComponentSpec spec) =>
        SpecResolver.Find(shelf.Components<IParallelTaskFactory>(), spec, r => r.Factory.Id, r => r.Origin);

    /// <summary>The job a spec describes; jobs are safe to run concurrently by contract, so one instance serves all slots.</summary>
    public IJob Job(ComponentSpec spec)
    {
        if (_jobs.TryGetValue(spec, out var job))
        {
            return job;
        }

        if (spec.Kind == Transport.Functions.FunctionBundles.Kind)
        {
            var (method, target) = functions.Resolve(spec);
            return _jobs.GetOrAdd(spec, new FunctionJob(method, target));
        }

        var entry = SpecResolver.Find(shelf.Components<IJobFactory>(), spec, r => r.Factory.Id, r => r.Origin);
        var options = SpecResolver.Parse(entry.Factory.Options, spec.Options, $"job {entry.Factory.Id}");
        job = PluginCall.Create(entry.Origin, $"job '{entry.Factory.Id}'", () => entry.Factory.Create(options));
        if (_jobs.Count > MaxSpecs)
        {
            _jobs.Clear();
        }

        return _jobs.GetOrAdd(spec, job);
    }

}
