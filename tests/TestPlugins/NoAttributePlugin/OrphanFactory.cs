using Workbench.Contracts;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;

// Deliberately no [assembly: WorkbenchPlugin]: the host must refuse it even though it has a factory.
namespace NoAttributePlugin;

public sealed class OrphanFactory : IOptimizerFactory
{
    public string Id => "orphan";

    public string Description => "test stub";

    public OptionSchema Options => OptionSchema.Empty;

    public IOptimizer Create(ProblemInfo problem, OptionValues options, ulong seed) => throw new NotSupportedException();
}
