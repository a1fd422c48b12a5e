using Workbench.Contracts;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;

[assembly: WorkbenchPlugin("needy", WorkbenchContract.Version, Description = "Test plugin with a dependency of its own", Authors = "tests")]

namespace NeedyPlugin;

/// <summary>Touches its library only in <see cref="Description"/>, so without the dependency check it would look loaded.</summary>
public sealed class NeedyFactory : IOptimizerFactory
{
    public string Id => "needy";

    public string Description => "needs " + NeedyLibrary.Greeting.Text;

    public OptionSchema Options => OptionSchema.Empty;

    public IOptimizer Create(ProblemInfo problem, OptionValues options, ulong seed) => throw new NotSupportedException();
}
