using Workbench.Conformance;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;
using Xunit;

namespace Workbench.Engine.Tests;

/// <summary>The conformance kit shipped to plugin authors catches each rule broken on purpose, and passes an
/// optimiser and a problem that keep them.</summary>
public sealed class ConformanceKitTests
{
    [Fact]
    public void A_well_behaved_optimiser_and_problem_pass()
    {
        OptimizerConformance.Check(new SampleFactory(Flaw.None));
        ProblemConformance.Check(new SampleProblemFactory(nondeterministic: false));
    }

    [Theory]
    [InlineData(Flaw.OutOfBounds, "outside [")]
    [InlineData(Flaw.Nondeterministic, "all randomness must come from the seed")]
    [InlineData(Flaw.AsksTwice, "a second Ask without a Tell must throw InvalidOperationException")]
    public void An_optimiser_that_breaks_a_rule_fails_naming_it(Flaw flaw, string rule)
    {
        var e = Assert.Throws<ConformanceException>(() => OptimizerConformance.Check(new SampleFactory(flaw)));
        Assert.Contains(rule, e.Message);
        Assert.StartsWith("sample: ", e.Message);
    }

    [Fact]
    public void A_problem_that_claims_determinism_falsely_fails()
    {
        var e = Assert.Throws<ConformanceException>(() => ProblemConformance.Check(new SampleProblemFactory(nondeterministic: true)));
        Assert.Contains("traits say deterministic", e.Message);
    }

    public enum Flaw
    {
        None,
        OutOfBounds,
        Nondeterministic,
        AsksTwice,
    }

    private sealed class SampleFactory(Flaw flaw) : IOptimizerFactory
    {
        public string Id => "sample";

        public string Description => "random search with an optional flaw";

        public OptionSchema Options => OptionSchema.Empty;

        public IOptimizer Create(ProblemInfo problem, OptionValues options, ulong seed) => new Sample(problem, seed, flaw);
    }

    private sealed class Sample(ProblemInfo problem, ulong seed, Flaw flaw) : IOptimizer
    {
        private readonly RandomStream _random = new(flaw == Flaw.Nondeterministic ? (ulong)Environment.TickCount64 ^ (ulong)Guid.NewGuid().GetHashCode() : seed);
        private readonly double[] _batch = new double[4 * problem.Dimension];
        private bool _asked;

        public int Dimension => problem.Dimension;

        public double BestFitness { get; private set; } = double.PositiveInfinity;

        public ReadOnlySpan<double> BestPoint => [];

        public string? StopReason => null;

        public IReadOnlyList<string> ExtraNames => [];

        public void GetExtras(Span<double> values)
        {
        }

        public ReadOnlyMemory<double> Ask()
        {
            if (_asked && flaw != Flaw.AsksTwice)
            {
                throw new InvalidOperationException("Ask twice without Tell");
            }

            _asked = true;
            for (var i = 0; i < _batch.Length; i++)
            {
                var c = i % Dimension;
                _batch[i] = _random.NextDouble(problem.Bounds.Lower[c], problem.Bounds.Upper[c]) + (flaw == Flaw.OutOfBounds ? problem.Bounds.Width(c) : 0);
            }

            return _batch;
        }

        public void Tell(ReadOnlySpan<double> fitness)
        {
            _asked = false;
            foreach (var f in fitness)
            {
                BestFitness = Math.Min(BestFitness, f);
            }
        }
    }

    private sealed class SampleProblemFactory(bool nondeterministic) : IProblemFactory
    {
        public string Id => "sample-problem";

        public string Description => "a sphere, or noise that claims to be deterministic";

        public OptionSchema Options => OptionSchema.Empty;

        public DimensionRange Dimensions => DimensionRange.Any;

        public IProblem Create(OptionValues options, int dimension, Bounds? bounds) => new SampleProblem(dimension, nondeterministic);
    }

    private sealed class SampleProblem(int dimension, bool nondeterministic) : IProblem
    {
        private int _calls;

        public string Id => "sample-problem";

        public int Dimension => dimension;

        public Bounds Bounds { get; } = Bounds.Uniform(dimension, -1, 1);

        public KnownOptimum? Optimum => null;

        public ProblemTraits Traits => ProblemTraits.PureFunction;

        public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
        {
            var shift = nondeterministic ? Interlocked.Increment(ref _calls) : 0;
            for (var i = 0; i < fitness.Length; i++)
            {
                var sum = (double)shift;
                foreach (var x in points.Slice(i * dimension, dimension))
                {
                    sum += x * x;
                }

                fitness[i] = sum;
            }
        }
    }
}
