using Workbench.Contracts.Options;

namespace Workbench.Problems.HeatEquation;

/// <summary>Options of the heat task. The time step is checked against the explicit scheme's stability limit.</summary>
public sealed class HeatOptions : IValidatableOptions
{
    [Option("grid", "Grid points per side of [-1,1]^2, boundary included.", Min = 5, Max = 20000)]
    public int Grid { get; set; } = 201;

    [Option("dt", "Time step; must not exceed the stability limit dx^2/4 (auto: 0.8 of the limit).", Min = 0, MinExclusive = true)]
    public double? Dt { get; set; }

    [Option("steps", "Number of explicit Euler steps.", Min = 0)]
    public int Steps { get; set; } = 500;

    [Option("sigma", "Standard deviation of the initial Gaussian (keep it well inside the square).", Min = 0, MinExclusive = true, Max = 0.5)]
    public double Sigma { get; set; } = 0.1;

    [Option("nodes", "Number of nodes (K): vertical bands of the grid.", Min = 1, Max = 1024)]
    public int Nodes { get; set; } = 2;

    public double Dx => 2.0 / (Grid - 1);

    /// <summary>The explicit 5-point scheme in 2-D is stable for dt &lt;= dx^2/4.</summary>
    public double StabilityLimit => Dx * Dx / 4;

    public double TimeStep => Dt ?? 0.8 * StabilityLimit;

    public IEnumerable<OptionError> Validate()
    {
        if (TimeStep > StabilityLimit)
        {
            yield return new OptionError("dt", $"dt = {TimeStep:R} exceeds the stability limit dx^2/4 = {StabilityLimit:R} for grid = {Grid} (dx = {Dx:R}); use dt <= {StabilityLimit:R}");
        }

        if (Nodes > Grid - 2)
        {
            yield return new OptionError("nodes", $"nodes = {Nodes} exceeds the {Grid - 2} interior columns of grid = {Grid}; every node needs at least one column");
        }
    }
}
