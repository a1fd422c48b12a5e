using Workbench.Contracts.Problems;

namespace Workbench.Problems.Bbob;

/// <summary>A bbob function as a Workbench problem on [-5, 5]^n: evaluates a batch point by point.</summary>
internal sealed class BbobProblem : IProblem
{
    // Up to this many doubles of scratch go on the stack; beyond, one array per batch (never one per point).
    private const int StackLimit = 1024;

    private readonly BbobFunction _function;

    public BbobProblem(string id, Bounds bounds, BbobFunction function, bool optimumInside)
    {
        Id = id;
        Bounds = bounds;
        _function = function;
        Optimum = optimumInside ? new KnownOptimum(function.Fopt, Array.AsReadOnly(function.Xopt)) : null;
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

        var size = _function.WorkVectors * d;
        var work = size <= StackLimit ? stackalloc double[size] : new double[size];
        for (int i = 0, offset = 0; i < fitness.Length; i++, offset += d)
        {
            fitness[i] = _function.Value(points.Slice(offset, d), work);
        }
    }
}
