using Workbench.Contracts.Problems;

namespace Workbench.Problems.Benchmarks;

/// <summary>A benchmark function bound to a dimension and a box; evaluates a batch point by point.</summary>
/// <remarks>Generic over a struct so the JIT emits one loop per function with the objective inlined: no virtual
/// call and no allocation per point. Stateless after construction, hence safe on disjoint slices in parallel.</remarks>
internal sealed class BenchmarkProblem<TObjective> : IProblem
    where TObjective : struct, IPointObjective
{
    private readonly TObjective _objective;

    public BenchmarkProblem(string id, Bounds bounds, KnownOptimum? optimum, TObjective objective)
    {
        Id = id;
        Bounds = bounds;
        Optimum = optimum;
        _objective = objective;
    }

    public string Id { get; }

    public int Dimension => Bounds.Dimension;

    public Bounds Bounds { get; }

    public KnownOptimum? Optimum { get; }

    public ProblemTraits Traits => ProblemTraits.PureFunction;

    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
    {
        var d = Bounds.Dimension;
        if (points.Length != fitness.Length * d)
        {
            throw new ArgumentException($"{fitness.Length} points of dimension {d} need {fitness.Length * d} values, got {points.Length}.", nameof(points));
        }

        for (int i = 0, offset = 0; i < fitness.Length; i++, offset += d)
        {
            fitness[i] = _objective.Value(points.Slice(offset, d));
        }
    }
}
