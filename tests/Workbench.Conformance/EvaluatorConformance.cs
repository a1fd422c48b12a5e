using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Specs;
using Xunit;

namespace Workbench.Conformance;

/// <summary>The suite every evaluator passes: serial, multicore, GPU, peers. Derive and implement <see cref="Create"/>.</summary>
/// <remarks>Problems are made from specs (<see cref="SpecOf"/>) through the same resolver a peer uses, so an
/// evaluator that sends work elsewhere is tested on exactly what the other side re-creates.</remarks>
public abstract class EvaluatorConformance
{
    protected abstract IEvaluator Create(ProblemGuard problem);

    /// <summary>Where the suite's problems come from (the peers suite uses the built-in plugins, which peers hold).</summary>
    protected virtual IComponentCatalog Catalog { get; } = new StaticCatalog([], [new ShiftedSphereFactory()]);

    /// <summary>The problem the evaluator under test evaluates, as data (GPU suites name one with a kernel).</summary>
    protected virtual ProblemSpec SpecOf(int dimension) => new SpecResolver(Catalog).Default("shifted-sphere", dimension);

    private ProblemGuard ProblemOf(int dimension) => new SpecResolver(Catalog).CreateProblem(SpecOf(dimension));

    /// <summary>Largest relative difference allowed against the serial reference (0 = bit-identical).</summary>
    protected virtual double Tolerance => 0;


    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(10, 1000)]
    [InlineData(5, 20_011)]
    public async Task Matches_the_serial_reference_point_by_point(int dimension, int count)
    {
        var problem = ProblemOf(dimension);
        var points = RandomPoints(problem, count, seed: (ulong)(dimension * count));
        var expected = new double[count];
        new SerialEvaluator(problem).EvaluateAsync(points, expected, CancellationToken.None).AsTask().Wait();
        var actual = new double[count];
        using (var evaluator = Create(problem))
        {
            await evaluator.EvaluateAsync(points, actual, CancellationToken.None);
        }

        for (var i = 0; i < count; i++)
        {
            if (Tolerance == 0)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(actual[i]));
            }
            else
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance * Math.Max(1, Math.Abs(expected[i])), $"point {i}: {expected[i]} vs {actual[i]}");
            }
        }
    }

    [Fact]
    public async Task Reuses_itself_across_batches_of_changing_size()
    {
        var problem = ProblemOf(4);
        using var evaluator = Create(problem);
        foreach (var count in new[] { 50, 5000, 3, 5000, 12_000 })
        {
            var points = RandomPoints(problem, count, seed: (ulong)count);
            var expected = new double[count];
            await new SerialEvaluator(problem).EvaluateAsync(points, expected, CancellationToken.None);
            var actual = new double[count];
            await evaluator.EvaluateAsync(points, actual, CancellationToken.None);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < count; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance * Math.Max(1, Math.Abs(expected[i])));
            }
        }
    }

    [Fact]
    public async Task Writes_only_the_requested_slice_of_a_larger_buffer()
    {
        var problem = ProblemOf(3);
        var points = RandomPoints(problem, 100, seed: 9);
        var fitness = Enumerable.Repeat(-1.0, 120).ToArray();
        using var evaluator = Create(problem);
        await evaluator.EvaluateAsync(points.AsMemory(0, 60 * 3), fitness.AsMemory(0, 60), CancellationToken.None);
        Assert.All(fitness[60..], f => Assert.Equal(-1.0, f));
        Assert.All(fitness[..60], f => Assert.True(f >= 0));
    }

    [Fact]
    public async Task Honours_a_cancelled_token()
    {
        var problem = ProblemOf(2);
        using var evaluator = Create(problem);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await evaluator.EvaluateAsync(RandomPoints(problem, 10, 1), new double[10], cts.Token));
    }

    [Fact]
    public async Task Reports_a_name_and_at_least_one_worker()
    {
        using var evaluator = Create(ProblemOf(2));
        Assert.False(string.IsNullOrWhiteSpace(evaluator.Name));
        Assert.True(evaluator.Workers >= 1);
        await Task.CompletedTask;
    }

    protected static double[] RandomPoints(IProblem problem, int count, ulong seed)
    {
        var random = new RandomStream(seed);
        var d = problem.Dimension;
        var points = new double[count * d];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < d; j++)
            {
                points[(i * d) + j] = random.NextDouble(problem.Bounds.Lower[j], problem.Bounds.Upper[j]);
            }
        }

        return points;
    }
}
