using Workbench.Contracts.Jobs;
using Workbench.Contracts.Options;

namespace Workbench.Problems.Jobs;

/// <summary>Binds validated option values to a typed options class before creating the job.</summary>
public abstract class JobFactory<TOptions> : IJobFactory
    where TOptions : class, new()
{
    public abstract string Id { get; }

    public abstract string Description { get; }

    public OptionSchema Options { get; } = OptionSchema.For<TOptions>();

    public IJob Create(OptionValues options) => Create(Options.Bind<TOptions>(options));

    protected abstract IJob Create(TOptions options);
}
