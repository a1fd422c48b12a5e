using Workbench.Contracts.Options;

namespace Workbench.Contracts.Optimizers;

/// <summary>Base class that binds validated option values to a typed options class.</summary>
public abstract class OptimizerFactory<TOptions> : IOptimizerFactory, IMemoryEstimate
    where TOptions : class, new()
{
    public abstract string Id { get; }

    public abstract string Description { get; }

    public OptionSchema Options { get; } = OptionSchema.For<TOptions>();

    public IOptimizer Create(ProblemInfo problem, OptionValues options, ulong seed) =>
        Create(problem, Options.Bind<TOptions>(options), seed);

    protected abstract IOptimizer Create(ProblemInfo problem, TOptions options, ulong seed);

    public long? EstimateBytes(int dimension, OptionValues options) => EstimateBytes(dimension, Options.Bind<TOptions>(options));

    /// <summary>See <see cref="IMemoryEstimate"/>; null (unknown) unless the optimiser says.</summary>
    protected virtual long? EstimateBytes(int dimension, TOptions options) => null;
}
