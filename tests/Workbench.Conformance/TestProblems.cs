using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

namespace Workbench.Conformance;

/// <summary>Small real problems for engine and evaluator tests (the benchmark plugin is tested on its own).</summary>
public sealed class ShiftedSphere : IProblem
{
    public ShiftedSphere(int dimension, double lower = -5, double upper = 5, bool threadSafe = true)
    {
        Dimension = dimension;
        Bounds = Bounds.Uniform(dimension, lower, upper);
        Traits = new ProblemTraits(threadSafe, true);
    }

    public string Id => "shifted-sphere";

    public int Dimension { get; }

    public Bounds Bounds { get; }

    public KnownOptimum? Optimum => new(0, Enumerable.Repeat(0.5, Dimension).ToArray());

    public ProblemTraits Traits { get; }

    /// <summary>Calls to Evaluate, to observe how an evaluator splits batches.</summary>
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
    {
        Interlocked.Increment(ref _calls);
        for (var i = 0; i < fitness.Length; i++)
        {
            var p = points.Slice(i * Dimension, Dimension);
            var sum = 0.0;
            for (var j = 0; j < p.Length; j++)
            {
                var d = p[j] - 0.5;
                // A transcendental term makes results sensitive to any reordering or fusion of operations.
                sum += (d * d) + (1e-3 * Math.Sin(7 * p[j]) * Math.Sin(7 * p[j]));
            }

            fitness[i] = sum;
        }
    }
}

/// <summary>Returns a chosen value (NaN, infinity) for points whose first coordinate is positive; throws on demand.</summary>
public sealed class FaultyProblem : IProblem
{
    private readonly double _bad;
    private readonly bool _throw;

    public FaultyProblem(int dimension, double bad, bool throws = false)
    {
        Dimension = dimension;
        Bounds = Bounds.Uniform(dimension, -1, 1);
        _bad = bad;
        _throw = throws;
    }

    public string Id => "faulty";

    public int Dimension { get; }

    public Bounds Bounds { get; }

    public KnownOptimum? Optimum => null;

    public ProblemTraits Traits => ProblemTraits.PureFunction;

    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
    {
        if (_throw)
        {
            throw new InvalidOperationException("model diverged");
        }

        for (var i = 0; i < fitness.Length; i++)
        {
            fitness[i] = points[i * Dimension] > 0 ? _bad : points[i * Dimension] * points[i * Dimension];
        }
    }
}

public sealed class ShiftedSphereFactory : ProblemFactory<ShiftedSphereFactory.NoOptions>
{
    public sealed class NoOptions
    {
    }

    public override string Id => "shifted-sphere";

    public override string Description => "Sphere shifted to 0.5 with a small oscillation";

    protected override IProblem Create(NoOptions options, int dimension, Bounds? bounds) =>
        bounds is null ? new ShiftedSphere(dimension) : new ShiftedSphere(dimension, bounds.Lower[0], bounds.Upper[0]);
}

public sealed class FaultyFactory : ProblemFactory<FaultyFactory.FaultOptions>
{
    public sealed class FaultOptions
    {
        [Option("value", "What to return for x0 > 0")]
        public double Value { get; init; }

        [Option("nan", "Return NaN instead of value")]
        public bool Nan { get; init; }

        [Option("throw", "Throw from Evaluate")]
        public bool Throw { get; init; }
    }

    public override string Id => "faulty";

    public override string Description => "A problem that misbehaves on request";

    public override DimensionRange Dimensions => new(1, 50);

    protected override IProblem Create(FaultOptions options, int dimension, Bounds? bounds) =>
        new FaultyProblem(dimension, options.Nan ? double.NaN : options.Value, options.Throw);
}
