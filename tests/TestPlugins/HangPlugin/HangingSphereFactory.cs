using Workbench.Contracts;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

[assembly: WorkbenchPlugin("hang", WorkbenchContract.Version, Description = "Test plugin: a problem that stops returning", Authors = "tests")]

namespace HangPlugin;

public sealed class HangOptions
{
    [Option("after", "Evaluate calls that return normally before one never returns", Min = 0, Max = 1_000_000_000)]
    public long After { get; init; } = 50;
}

/// <summary>The sphere, until Evaluate has been called <c>after</c> times; the next call blocks forever, as a plugin
/// stuck in a deadlock or an endless loop would.</summary>
public sealed class HangingSphereFactory : ProblemFactory<HangOptions>
{
    public override string Id => "hanging-sphere";

    public override string Description => "sphere whose Evaluate never returns after a number of calls";

    protected override IProblem Create(HangOptions options, int dimension, Bounds? bounds) =>
        new HangingSphere(dimension, bounds ?? Bounds.Uniform(dimension, -5, 5), options.After);

    private sealed class HangingSphere(int dimension, Bounds bounds, long after) : IProblem
    {
        private long _calls;

        public string Id => "hanging-sphere";

        public int Dimension => dimension;

        public Bounds Bounds => bounds;

        public KnownOptimum? Optimum => null;

        // Not thread-safe on purpose: evaluation stays on one thread, so the count of calls is exact.
        public ProblemTraits Traits => ProblemTraits.PureFunction with { IsThreadSafe = false };

        public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
        {
            if (Interlocked.Increment(ref _calls) > after)
            {
                Thread.Sleep(Timeout.Infinite);
            }

            SphereValues.Evaluate(points, fitness, dimension);
        }
    }
}
