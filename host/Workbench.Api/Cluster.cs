using Workbench.Contracts.Jobs;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Mapping;

namespace Workbench;

/// <summary>Playdoh's <c>map(fun, args)</c> for a catalog job: <c>Cluster.Map("lif", inputs)</c> runs the job on
/// every input over this machine's cores, with outputs in input order, the same engine as <c>wb map</c>.</summary>
public static class Cluster
{
    /// <summary>Runs job <paramref name="jobId"/> (with these options, as <c>wb map --option</c>) on each input.</summary>
    /// <exception cref="Engine.RunSetupException">An unknown job (the message lists the valid ids) or a bad option.</exception>
    public static MapResult Map(string jobId, IEnumerable<TaskValue> inputs, params (string Name, string Value)[] options) =>
        MapAsync(jobId, inputs, new MapOptions { JobOptions = options.ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal) })
            .GetAwaiter().GetResult();

    /// <summary>Runs the job on the integers 0 … <paramref name="count"/>−1, as <c>wb map --count</c>.</summary>
    public static MapResult Map(string jobId, int count, params (string Name, string Value)[] options) =>
        Map(jobId, Enumerable.Range(0, count).Select(i => TaskValue.FromInteger(i)), options);

    /// <summary>Cancellable; a job's failure is its outcome's error (see <see cref="MapResult.FailedIndices"/>), never thrown.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task<MapResult> MapAsync(string jobId, IEnumerable<TaskValue> inputs, MapOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MapOptions();
        var jobs = options.Jobs ?? ApiCatalog.BuiltInPlugins.Components<IJobFactory>();
        var job = MapJob.Resolve(JobLookup.Find(jobs, jobId), options.JobOptions);
        return RunAsync(job, inputs.ToArray(), options, cancellationToken);
    }

    /// <summary>Playdoh's <c>map(fun, args)</c> proper: <paramref name="function"/> on every input, outputs in input
    /// order, on this machine's cores and, with <see cref="MapOptions.Peers"/>, on the peers', where it travels as
    /// code. Inputs and outputs are double, long, int, bool, string or arrays of double, float, int or byte.</summary>
    /// <exception cref="Transport.Functions.FunctionNotPortableException">With peers: the function captures state, or
    /// a type cannot travel.</exception>
    /// <exception cref="MapFailedException">Some calls threw; the others' outputs are in the exception's result.</exception>
    public static TOut[] Map<TIn, TOut>(Func<TIn, TOut> function, IEnumerable<TIn> inputs, MapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        options ??= new MapOptions();
        Transport.Functions.FunctionValues.Check(typeof(TIn));
        Transport.Functions.FunctionValues.Check(typeof(TOut));
        var described = options.Peers.Count == 0 ? null : Transport.Functions.FunctionBundles.Describe(function, new Dictionary<string, string>());
        var factory = new FunctionJobFactory<TIn, TOut>(function);
        var job = MapJob.Resolve(new Engine.Catalog.Registered<IJobFactory>(factory, Engine.Catalog.ComponentOrigin.InProcess(factory.Id)), new Dictionary<string, string>(), described);
        var values = inputs.Select(i => Transport.Functions.FunctionValues.ToValue(i)).ToArray();
        var result = Task.Run(() => RunAsync(job, values, options, CancellationToken.None)).GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            var first = result.Jobs.First(j => !j.Succeeded);
            throw new MapFailedException($"{result.FailedIndices.Count} of {values.Length} calls failed (inputs {string.Join(", ", result.FailedIndices.Take(10))}): {first.Error}", result);
        }

        return result.Jobs.Select(j => (TOut)Transport.Functions.FunctionValues.FromValue(j.Output!, typeof(TOut))).ToArray();
    }

    private static async Task<MapResult> RunAsync(MapJob job, TaskValue[] inputs, MapOptions options, CancellationToken cancellationToken)
    {
        var local = new LocalJobSlots(options.Slots);
        if (options.Peers.Count == 0)
        {
            return await new MapScheduler().RunAsync(job, inputs, local, options.Observer, cancellationToken).ConfigureAwait(false);
        }

        var credentials = new Transport.Client.ClusterCredentials(Transport.Security.ClusterKey.Load(Transport.Security.ClusterKey.Locate(options.KeyFile)));
        var cluster = new Transport.Client.PeerCluster(options.Peers.SelectMany(Transport.Client.PeerList.Parse), credentials);
        await cluster.ProbeAllAsync(cancellationToken).ConfigureAwait(false);
        using var slots = new Transport.Mapping.PeerJobSlots(cluster, new Transport.Client.PluginShipper(NoPluginFolders.Instance), options.UseLocal ? local : null);
        return await new MapScheduler().RunAsync(job, inputs, slots, options.Observer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A C# function as the job of a map (in this process; peers re-create it from its shipped assembly).</summary>
    private sealed class FunctionJobFactory<TIn, TOut>(Func<TIn, TOut> function) : IJobFactory, IJob
    {
        public string Id => $"{function.Method.DeclaringType?.Name}.{function.Method.Name}";

        public string Description => "a C# function given to Cluster.Map";

        public Contracts.Options.OptionSchema Options => Contracts.Options.OptionSchema.Empty;

        public IJob Create(Contracts.Options.OptionValues options) => this;

        public TaskValue Run(TaskValue input, CancellationToken cancellationToken) =>
            Transport.Functions.FunctionValues.ToValue(function((TIn)Transport.Functions.FunctionValues.FromValue(input, typeof(TIn))));
    }
}

/// <summary>A map of a C# function had jobs that failed; the message lists their indices and the first error.</summary>
public sealed class MapFailedException(string message, MapResult result) : Exception(message)
{
    public MapResult Result { get; } = result;
}

/// <summary>Options of <see cref="Cluster.MapAsync"/>.</summary>
public sealed record MapOptions
{
    /// <summary>The job's options as text (<c>["seconds"] = "0.5"</c>); missing ones take their defaults.</summary>
    public IReadOnlyDictionary<string, string> JobOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Local slots (threads); null: one per core.</summary>
    public int? Slots { get; init; }

    public IMapObserver? Observer { get; init; }

    /// <summary>Peers (<c>wb serve</c>, HOST:PORT) whose slots take jobs too; empty for this machine alone. A C#
    /// function travels to them as code (a static method or a lambda that captures nothing, by its assembly's hash).</summary>
    public IReadOnlyList<string> Peers { get; init; } = [];

    /// <summary>The cluster key file; null finds it as <c>wb</c> does.</summary>
    public string? KeyFile { get; init; }

    /// <summary>With peers: whether this machine's slots take jobs too.</summary>
    public bool UseLocal { get; init; } = true;

    /// <summary>Where jobs are looked up; null: the built-in plugins and ./plugins.</summary>
    public IReadOnlyList<Engine.Catalog.Registered<IJobFactory>>? Jobs { get; init; }
}
