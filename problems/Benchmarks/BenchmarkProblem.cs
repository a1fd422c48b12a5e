using Workbench.Contracts.Problems;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Benchmarks;

/// <summary>A benchmark function bound to a dimension and a box; evaluates a batch point by point.</summary>
/// <remarks>Generic over a struct so the JIT emits one loop per function with the objective inlined: no virtual
/// call and no allocation per point. Stateless after construction, hence safe on disjoint slices in parallel.
/// Also offers the function's GPU twin (<typeparamref name="TGpuObjective"/>) for GPU evaluators.</remarks>
internal sealed class BenchmarkProblem<TObjective, TGpuObjective> : IProblem, IGpuProblem
    where TObjective : struct, IPointObjective
    where TGpuObjective : struct, IGpuObjective
{
    private readonly TObjective _objective;

    public BenchmarkProblem(string id, Bounds bounds, KnownOptimum? optimum, TObjective objective, double[]? gpuConstants = null)
    {
        Id = id;
        Bounds = bounds;
        Optimum = optimum;
        _objective = objective;
        GpuConstants = gpuConstants ?? [];
    }

    public ReadOnlyMemory<double> GpuConstants { get; }

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

    public TResult Accept<TResult>(IGpuObjectiveVisitor<TResult> visitor) => visitor.Visit(default(TGpuObjective));
}
