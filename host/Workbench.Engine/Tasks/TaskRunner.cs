using Workbench.Contracts.Options;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Catalog;
using Workbench.Engine.Specs;

namespace Workbench.Engine.Tasks;

/// <summary>The one call UIs make to run a parallel task: parse options, plan the layout, run the nodes, combine
/// and fingerprint the result.</summary>
public sealed class TaskRunner
{
    private readonly ITaskRuntime _runtime;
    private readonly long? _maxMemoryBytes;

    /// <param name="maxMemoryBytes">Refuse a task estimated over this; null: the machine's memory.</param>
    public TaskRunner(ITaskRuntime? runtime = null, long? maxMemoryBytes = null)
    {
        _runtime = runtime ?? new LocalTaskRuntime();
        _maxMemoryBytes = maxMemoryBytes;
    }

    /// <param name="factory">The task, for example from <see cref="ITaskCatalog"/>.</param>
    /// <param name="options">User text, <c>name -&gt; value</c>; missing options take their defaults.</param>
    /// <param name="seed">The run seed; node i gets <c>Seeds.Derive(seed, "node", i)</c>.</param>
    /// <param name="nodes">When given, overrides the task's <c>nodes</c> option.</param>
    /// <exception cref="RunSetupException">A bad option (the limit is in the message) or an invalid layout.</exception>
    /// <exception cref="PluginFailureException">The plugin threw while planning or combining.</exception>
    public TaskRunResult Run(
        IParallelTaskFactory factory,
        IReadOnlyDictionary<string, string> options,
        ulong seed,
        int? nodes = null,
        ITaskObserver? observer = null,
        CancellationToken cancellationToken = default) =>
        Run(new Registered<IParallelTaskFactory>(factory, ComponentOrigin.InProcess(factory.Id)), options, seed, nodes, observer, cancellationToken);

    /// <summary><see cref="RunAsync"/> for callers that have a thread to spare (benchmarks, background workers).</summary>
    public TaskRunResult Run(
        Registered<IParallelTaskFactory> registered,
        IReadOnlyDictionary<string, string> options,
        ulong seed,
        int? nodes = null,
        ITaskObserver? observer = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(registered, options, seed, nodes, observer, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Runs a task from a catalog entry: its origin makes the job portable, so a runtime on peers can
    /// rebuild the nodes from the same plugin build.</summary>
    public async Task<TaskRunResult> RunAsync(
        Registered<IParallelTaskFactory> registered,
        IReadOnlyDictionary<string, string> options,
        ulong seed,
        int? nodes = null,
        ITaskObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        var factory = registered.Factory;
        var values = Parse(factory, options, nodes, _maxMemoryBytes);
        var layout = Plugin(factory, "plan", () => factory.Plan(values, seed));
        var spec = ComponentSpec.Of("task", factory.Id, registered.Origin, values.ToText());
        var execution = await _runtime.ExecuteAsync(new TaskJob(factory, layout, seed) { Spec = spec }, observer, cancellationToken).ConfigureAwait(false);
        var result = Plugin(factory, "combine the node results", () => factory.Combine(values, execution.Results));
        return new TaskRunResult
        {
            TaskId = factory.Id,
            NodeCount = layout.NodeCount,
            Seed = seed,
            Options = values.ToText(),
            Result = result,
            Nodes = execution.Nodes,
            Elapsed = execution.Elapsed,
        };
    }

    /// <summary>Parses options as <see cref="RunAsync"/> does (for UIs that validate before starting).</summary>
    /// <remarks>Also refuses a task whose estimated memory is over <paramref name="maxMemoryBytes"/> (or the machine's).</remarks>
    public static OptionValues Parse(IParallelTaskFactory factory, IReadOnlyDictionary<string, string> options, int? nodes, long? maxMemoryBytes = null)
    {
        var text = new Dictionary<string, string>(options, StringComparer.Ordinal);
        if (nodes is int k)
        {
            if (factory.Options.Find("nodes") is null)
            {
                throw new RunSetupException("nodes", $"task '{factory.Id}' has no 'nodes' option; it runs on a fixed number of nodes");
            }

            text["nodes"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var owner = $"task {factory.Id}";
        try
        {
            var values = factory.Options.Parse(text, owner);
            if ((factory as Contracts.IMemoryEstimate)?.EstimateBytes(0, values) is long bytes)
            {
                Running.MemoryBudget.Check(owner, bytes, maxMemoryBytes);
            }

            return values;
        }
        catch (OptionException ex)
        {
            throw new RunSetupException(ex.OptionName, $"{owner}: {ex.Message}", ex);
        }
    }

    private static T Plugin<T>(IParallelTaskFactory factory, string what, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (OptionException ex)
        {
            throw new RunSetupException(ex.OptionName, $"task {factory.Id}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not RunSetupException)
        {
            throw new PluginFailureException(factory.Id, $"task '{factory.Id}' failed to {what}: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
