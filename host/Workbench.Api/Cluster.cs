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
        return new MapScheduler().RunAsync(job, inputs.ToArray(), new LocalJobSlots(options.Slots), options.Observer, cancellationToken);
    }
}

/// <summary>Options of <see cref="Cluster.MapAsync"/>.</summary>
public sealed record MapOptions
{
    /// <summary>The job's options as text (<c>["seconds"] = "0.5"</c>); missing ones take their defaults.</summary>
    public IReadOnlyDictionary<string, string> JobOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Local slots (threads); null: one per core.</summary>
    public int? Slots { get; init; }

    public IMapObserver? Observer { get; init; }

    /// <summary>Where jobs are looked up; null: the built-in plugins and ./plugins.</summary>
    public IReadOnlyList<Engine.Catalog.Registered<IJobFactory>>? Jobs { get; init; }
}
