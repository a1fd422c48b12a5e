using Workbench.Contracts.Problems;

namespace Workbench.Problems.Benchmarks;

/// <summary>What every benchmark factory shares: a standard box, a known minimiser with equal coordinates,
/// and one option, an artificial pause per evaluation.</summary>
/// <remarks>Members are <c>private protected</c>: the functions of this plugin derive from it, nothing else can.</remarks>
public abstract class BenchmarkFactory : ProblemFactory<BenchmarkOptions>
{
    /// <summary>Lower end of the standard domain, the same for every coordinate.</summary>
    public abstract double DomainLower { get; }

    public abstract double DomainUpper { get; }

    /// <summary>Every coordinate of the known minimiser.</summary>
    public abstract double OptimumCoordinate { get; }

    /// <summary>The minimum value (0 for all of these functions).</summary>
    public virtual double OptimumValue => 0.0;

    protected sealed override IProblem Create(BenchmarkOptions options, int dimension, Bounds? bounds)
    {
        var box = bounds ?? Bounds.Uniform(dimension, DomainLower, DomainUpper);
        var problem = Build(Id, box, OptimumWithin(box));
        return options.PauseMs > 0 ? new PausingProblem(problem, TimeSpan.FromMilliseconds(options.PauseMs)) : problem;
    }

    private protected abstract IProblem Build(string id, Bounds bounds, KnownOptimum? optimum);

    /// <summary>The known optimum, or null when user bounds exclude it: the minimum over a box that cuts the
    /// minimiser off is not known, and reporting the unconstrained one would mislead "distance to optimum".</summary>
    private KnownOptimum? OptimumWithin(Bounds box)
    {
        var point = new double[box.Dimension];
        Array.Fill(point, OptimumCoordinate);
        return box.Contains(point) ? new KnownOptimum(OptimumValue, Array.AsReadOnly(point)) : null;
    }
}
