using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

namespace HangPlugin;

/// <summary>How <see cref="DyingSphereFactory"/>'s problem ends its process.</summary>
public enum DeathKind
{
    FailFast,
    Exit,
    StackOverflow,
}

public sealed class DyingOptions
{
    [Option("after", "Evaluate calls that return normally before the one that ends the process", Min = 0, Max = 1_000_000_000)]
    public long After { get; init; } = 5;

    [Option("how", "How the process ends")]
    public DeathKind How { get; init; } = DeathKind.FailFast;
}

/// <summary>The sphere, until Evaluate has been called <c>after</c> times; the next call ends the whole process, as a
/// plugin with a runaway recursion, a FailFast or an Environment.Exit would: what <c>--isolation process</c> is for.</summary>
public sealed class DyingSphereFactory : ProblemFactory<DyingOptions>
{
    public override string Id => "dying-sphere";

    public override string Description => "sphere whose Evaluate ends its process after a number of calls";

    protected override IProblem Create(DyingOptions options, int dimension, Bounds? bounds) =>
        new DyingSphere(dimension, bounds ?? Bounds.Uniform(dimension, -5, 5), options);

    private sealed class DyingSphere(int dimension, Bounds bounds, DyingOptions options) : IProblem
    {
        private long _calls;

        public string Id => "dying-sphere";

        public int Dimension => dimension;

        public Bounds Bounds => bounds;

        public KnownOptimum? Optimum => null;

        public ProblemTraits Traits => ProblemTraits.PureFunction with { IsThreadSafe = false };

        public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
        {
            if (Interlocked.Increment(ref _calls) > options.After)
            {
                Die(options.How);
            }

            SphereValues.Evaluate(points, fitness, dimension);
        }

        private static void Die(DeathKind how)
        {
            switch (how)
            {
                case DeathKind.Exit:
                    Environment.Exit(0);
                    break;
                case DeathKind.StackOverflow:
                    Recurse(0);
                    break;
                default:
                    Environment.FailFast("dying-sphere gave up");
                    break;
            }
        }

        private static int Recurse(int depth) => depth == int.MaxValue ? depth : Recurse(depth + 1) + 1;
    }
}
