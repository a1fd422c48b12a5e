using Workbench.Contracts.Options;

namespace Workbench.Contracts.Tasks;

/// <summary>Base class that binds validated option values to a typed options class before planning and combining.</summary>
/// <typeparam name="TOptions">A class with a parameterless constructor whose defaults are the option defaults and
/// whose settable properties carry <see cref="OptionAttribute"/>.</typeparam>
public abstract class ParallelTaskFactory<TOptions> : IParallelTaskFactory, IMemoryEstimate
    where TOptions : class, new()
{
    public abstract string Id { get; }

    public abstract string Description { get; }

    public OptionSchema Options { get; } = OptionSchema.For<TOptions>();

    public TaskLayout Plan(OptionValues options, ulong seed) => Plan(Options.Bind<TOptions>(options), seed);

    public abstract IParallelTask CreateNode();

    public TaskResult Combine(OptionValues options, IReadOnlyList<TaskValue> nodeResults) =>
        Combine(Options.Bind<TOptions>(options), nodeResults);

    protected abstract TaskLayout Plan(TOptions options, ulong seed);

    public long? EstimateBytes(int dimension, OptionValues options) => EstimateBytes(Options.Bind<TOptions>(options));

    /// <summary>See <see cref="IMemoryEstimate"/>; null (unknown) unless the task says.</summary>
    protected virtual long? EstimateBytes(TOptions options) => null;

    protected abstract TaskResult Combine(TOptions options, IReadOnlyList<TaskValue> nodeResults);
}
