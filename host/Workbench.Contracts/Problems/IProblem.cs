namespace Workbench.Contracts.Problems;

/// <summary>A minimisation problem of fixed dimension that evaluates points in batches.</summary>
/// <remarks>
/// Required surface: bounds and batch fitness. The host wraps every problem in a guard that checks
/// shapes and bounds, applies the non-finite fitness policy and counts evaluations, so a problem
/// does none of that itself.
/// </remarks>
public interface IProblem
{
    /// <summary>The factory id this problem was created from (for example <c>rosenbrock</c>).</summary>
    string Id { get; }

    int Dimension { get; }

    /// <summary>Box constraints, one interval per coordinate.</summary>
    Bounds Bounds { get; }

    /// <summary>The global optimum where it is known, else null.</summary>
    KnownOptimum? Optimum { get; }

    /// <summary>Concurrency and determinism, stated as properties rather than prose.</summary>
    ProblemTraits Traits { get; }

    /// <summary>Evaluates <c>n = fitness.Length</c> points stored row-major in <paramref name="points"/>
    /// (<c>points.Length == n * Dimension</c>), writing one fitness per point.</summary>
    void Evaluate(ReadOnlySpan<double> points, Span<double> fitness);
}
