using Workbench.Contracts;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;

[assembly: WorkbenchPlugin("throwing-options", WorkbenchContract.Version)]

namespace ThrowingOptionsPlugin;

public sealed class BadOptionsFactory : IOptimizerFactory
{
    public string Id => "bad-options";

    public string Description => "test stub";

    public OptionSchema Options => throw new InvalidOperationException("options exploded");

    public IOptimizer Create(ProblemInfo problem, OptionValues options, ulong seed) => throw new NotSupportedException();
}
