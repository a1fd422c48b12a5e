using Workbench.Contracts;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;

// Contract 999 does not exist: the host must refuse this plugin and say which version it was built against.
[assembly: WorkbenchPlugin("future", 999)]

namespace FuturePlugin;

public sealed class FutureFactory : IOptimizerFactory
{
    public string Id => "future-search";

    public string Description => "test stub";

    public OptionSchema Options => OptionSchema.Empty;

    public IOptimizer Create(ProblemInfo problem, OptionValues options, ulong seed) => throw new NotSupportedException();
}
