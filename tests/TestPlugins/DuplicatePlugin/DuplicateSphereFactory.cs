using Workbench.Contracts;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

[assembly: WorkbenchPlugin("duplicate", WorkbenchContract.Version)]

namespace DuplicatePlugin;

/// <summary>Claims AlphaPlugin's problem id; AlphaPlugin sorts first, so this plugin must be refused.</summary>
public sealed class DuplicateSphereFactory : IProblemFactory
{
    public string Id => "alpha-sphere";

    public string Description => "a second sphere";

    public OptionSchema Options => OptionSchema.Empty;

    public DimensionRange Dimensions => DimensionRange.Any;

    public IProblem Create(OptionValues options, int dimension, Bounds? bounds) => throw new NotSupportedException();
}
