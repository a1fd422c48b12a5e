using Workbench.Contracts.Options;

namespace Workbench.Problems.Bbob;

/// <summary>The options every bbob function takes.</summary>
public sealed class BbobOptions
{
    // COCO's instances are defined for any positive number; the campaigns use 1-15 and beyond (up to 10^4 keeps
    // the derived seeds far below the generator's modulus).
    [Option("instance", "COCO instance number: fixes the optimum's position and value and the rotations", Min = 1, Max = 10000)]
    public int Instance { get; init; } = 1;
}
