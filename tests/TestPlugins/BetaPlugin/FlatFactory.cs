#if BETA_V2
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

namespace BetaPlugin;

/// <summary>Only in version 2, so replacing the plugin visibly adds a kind.</summary>
public sealed class FlatFactory : IProblemFactory
{
    public string Id => "beta-flat";

    public string Description => "constant zero";

    public OptionSchema Options => OptionSchema.Empty;

    public DimensionRange Dimensions => DimensionRange.Any;

    public IProblem Create(OptionValues options, int dimension, Bounds? bounds) => throw new NotSupportedException();
}
#endif
