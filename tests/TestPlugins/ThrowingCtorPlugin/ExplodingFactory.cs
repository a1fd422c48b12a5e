using Workbench.Contracts;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;

[assembly: WorkbenchPlugin("throwing-ctor", WorkbenchContract.Version)]

namespace ThrowingCtorPlugin;

public sealed class ExplodingFactory : IOptimizerFactory
{
    public ExplodingFactory() => throw new InvalidOperationException("constructor exploded");

    public string Id => "exploding";

    public string Description => "test stub";

    public OptionSchema Options => OptionSchema.Empty;

    public IOptimizer Create(ProblemInfo problem, OptionValues options, ulong seed) => throw new NotSupportedException();
}
