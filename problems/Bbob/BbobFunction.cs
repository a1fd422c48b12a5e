using Workbench.Contracts.Problems;

namespace Workbench.Problems.Bbob;

/// <summary>One bbob function bound to an instance and a dimension: everything derived from the instance is
/// computed by the constructor, so <see cref="Value"/> only reads shared state and is safe from any thread.</summary>
internal abstract class BbobFunction
{
    protected BbobFunction(int dimension, double fopt)
    {
        Dimension = dimension;
        Fopt = fopt;
    }

    public int Dimension { get; }

    /// <summary>The optimal value of this instance.</summary>
    public double Fopt { get; }

    /// <summary>The minimiser of this instance, in the search space.</summary>
    public abstract double[] Xopt { get; }

    /// <summary>Doubles of scratch space <see cref="Value"/> needs, in multiples of the dimension.</summary>
    public virtual int WorkVectors => 2;

    /// <summary>f(x); <paramref name="work"/> holds at least <see cref="WorkVectors"/> times the dimension.</summary>
    public abstract double Value(ReadOnlySpan<double> x, Span<double> work);

    /// <summary>The problem as offered to the host: <paramref name="cpu"/> itself, or with a GPU kernel added.</summary>
    public virtual IProblem WithKernel(BbobProblem cpu) => cpu;
}
