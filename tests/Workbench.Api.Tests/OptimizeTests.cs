using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Api.Tests;

public sealed class OptimizeTests
{
    private static double Sphere(double[] x) => x.Sum(v => (v - 1) * (v - 1));

    [Theory]
    [InlineData("cmaes")]
    [InlineData("pso")]
    [InlineData("ga")]
    public void Minimises_a_shifted_sphere_lambda(string algorithm)
    {
        var result = Optimize.Minimize(Sphere, -5, 5, 3, algorithm, new OptimizeOptions { Seed = 3, MaxEvaluations = 20_000 });
        Assert.True(result.BestValue < 1e-3, $"{algorithm}: {result.BestValue}");
        Assert.All(result.BestPoint, v => Assert.InRange(v, 0.95, 1.05));
        // CMA-ES converges (tolfun) long before the budget; the population methods use all of it.
        Assert.InRange(result.Evaluations, 1, 20_000);
        Assert.Matches("^(max-evaluations|converged:.+)$", result.StopReason);
        Assert.Equal(3UL, result.Seed);
        Assert.Equal(result.Iterations, result.History.Count);
        Assert.Equal(result.BestValue, result.History[^1].BestSoFar);
    }

    [Fact]
    public void Maximises_with_values_in_the_callers_sense()
    {
        var result = Optimize.Maximize(x => 10 - Sphere(x), [-5, -5], [5, 5], "cmaes",
            new OptimizeOptions { Seed = 1, Target = 10 - 1e-9 });
        Assert.InRange(result.BestValue, 10 - 1e-9, 10);
        Assert.Equal("target", result.StopReason);
        Assert.True(result.History[^1].BestSoFar >= result.History[0].BestSoFar, "best so far rises when maximising");
    }

    [Fact]
    public void Same_seed_same_result_whatever_the_workers()
    {
        OptimizationResult Run(int workers) => Optimize.Minimize(Sphere, -5, 5, 4, "pso",
            new OptimizeOptions { Seed = 9, MaxIterations = 50, Workers = workers, ObjectiveIsThreadSafe = true }.WithOptions(("swarm-size", "40")));
        var one = Run(1);
        var two = Run(2);
        Assert.Equal(one.BestPoint, two.BestPoint);
        Assert.Equal(one.History.Select(r => r.BestSoFar), two.History.Select(r => r.BestSoFar));
        Assert.Equal("40", one.Run.Algorithm.Options["swarm-size"]);
    }

    [Fact]
    public void Not_thread_safe_by_default_so_a_counting_lambda_counts_right()
    {
        var calls = 0;
        var result = Optimize.Minimize(x => { calls++; return Sphere(x); }, -5, 5, 3, "ga",
            new OptimizeOptions { Seed = 2, MaxEvaluations = 5_000 });
        Assert.Equal(result.Evaluations, calls);
        Assert.Equal(1, result.Run.Workers);
    }

    [Fact]
    public void Islands_and_observers_come_from_the_engine()
    {
        var observer = new CountingObserver();
        var result = Optimize.Minimize(Sphere, -5, 5, 3, "ga", new OptimizeOptions
        {
            Seed = 4,
            MaxIterations = 30,
            Islands = new IslandSettings(3, 10, 0.1, MigrationTopology.Ring),
            Observers = [observer],
        }.WithOptions(("population", "50")));
        Assert.Equal(30, observer.Iterations);
        Assert.True(result.Run.IslandsMigrate);
        Assert.Contains("island-2-best", result.Run.ExtraNames);
        Assert.Equal(150 + (29 * 3 * 49), result.Evaluations);
    }

    [Fact]
    public void Errors_name_the_culprit()
    {
        var unknown = Assert.Throws<Workbench.Engine.RunSetupException>(() => Optimize.Minimize(Sphere, -1, 1, 2, "cma"));
        Assert.StartsWith("unknown algorithm 'cma'; valid: ", unknown.Message);
        var failed = Assert.Throws<OptimizationFailedException>(() =>
            Optimize.Minimize(x => x[0] > 0.5 ? double.NaN : 0, -1, 1, 2, "cmaes", new OptimizeOptions { Seed = 1 }));
        Assert.Contains("problem 'objective'", failed.Message);
        Assert.Contains("NaN", failed.Message);
    }

    [Fact]
    public async Task Cancellation_returns_the_best_so_far()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        var result = await Optimize.MinimizeAsync(x =>
        {
            if (++calls == 500)
            {
                cancel.Cancel();
            }

            return Sphere(x);
        }, [-5, -5], [5, 5], "pso", new OptimizeOptions { Seed = 1, MaxEvaluations = 1_000_000 }, cancel.Token);
        Assert.Equal(RunStatus.Interrupted, result.Status);
        Assert.True(result.Evaluations < 1_000_000);
        Assert.True(double.IsFinite(result.BestValue));
    }

    private sealed class CountingObserver : IRunObserver
    {
        public int Iterations { get; private set; }

        public void OnRunStarted(RunDescription run)
        {
        }

        public void OnIteration(IterationRecord record) => Iterations++;

        public void OnRunFinished(RunSummary summary)
        {
        }
    }
}
