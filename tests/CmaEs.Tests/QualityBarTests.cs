using Xunit;
using Xunit.Abstractions;

namespace Workbench.Algorithms.CmaEs.Tests;

/// <summary>Quality guards over many fixed seeds (never retried). The bars are medians over seeds 1-10,
/// but a 10-seed median of these distributions scatters by about ±5% on Rosenbrock and jumps between two plateaus
/// on IPOP Rastrigin, so a 10-seed guard says little; these use 200 seeds (40 for IPOP) with thresholds a little
/// above what this implementation measures, so that a real regression fails. Over 1000 seeds it measures
/// (with pycma's quadratic-zone width of the bound transform): Rosenbrock 5-D 1832 (90.2% reach 1e-8), 10-D 5365
/// (89.9%), sphere 10-D 1530 (100%); IPOP Rastrigin 10-D over 200 seeds 85,765 (100%).</summary>
public sealed class QualityBarTests
{
    private readonly ITestOutputHelper _output;

    public QualityBarTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private (double Median, int Reached) Measure(string name, int seeds, int n, double lo, double hi, Harness.Objective f,
        long maxEvaluations, params (string, string)[] options)
    {
        var results = new Harness.Result[seeds];
        Parallel.For(0, seeds, i => results[i] = Harness.Run(Harness.Create(n, lo, hi, (ulong)(i + 1), options), f, 1e-8, maxEvaluations));
        var median = Harness.Median(results.Select(r => (double)r.Evaluations));
        var reached = results.Count(r => r.Reached);
        _output.WriteLine($"{name}, seeds 1-{seeds}: median evaluations {median}, reached {reached}/{seeds}");
        return (median, reached);
    }

    [Fact]
    public void Rosenbrock_5d()
    {
        // seeds 1-200 measure 1840, 179/200
        var (median, reached) = Measure("rosenbrock-5", 200, 5, -2.2, 2.2, Harness.Rosenbrock, 100_000);
        Assert.True(median <= 1900, $"median {median}");
        Assert.True(reached >= 175, $"reached {reached}");
    }

    [Fact]
    public void Rosenbrock_10d()
    {
        // seeds 1-200 measure 5395, 178/200; the runs that miss end in the local minimum near (-1, 1, ..., 1)
        var (median, reached) = Measure("rosenbrock-10", 200, 10, -2.2, 2.2, Harness.Rosenbrock, 100_000);
        Assert.True(median <= 5500, $"median {median}");
        Assert.True(reached >= 170, $"reached {reached}");
    }

    [Fact]
    public void Sphere_10d()
    {
        // seeds 1-300 measure 1530, all reach
        var (median, reached) = Measure("sphere-10", 300, 10, -5, 5, Harness.Sphere, 100_000);
        Assert.True(median <= 1560, $"median {median}");
        Assert.Equal(300, reached);
    }

    [Fact]
    public void Ipop_rastrigin_10d()
    {
        // seeds 1-40 measure 85,025, all reach; the median sits between success at λ = 160 (about 55k evaluations in all) and at λ = 320 (about 90k)
        var (median, reached) = Measure("ipop-rastrigin-10", 40, 10, -5.12, 5.12, Harness.Rastrigin, 1_000_000, ("restarts", "ipop"));
        Assert.True(median <= 100_000, $"median {median}");
        Assert.Equal(40, reached);
    }
    [Fact]
    public void Large_population_rosenbrock_5d_reaches_1e_minus_20_in_150_iterations()
    {
        var best = Enumerable.Range(1, 10).Select(seed =>
            Harness.Run(Harness.Create(5, -2.2, 2.2, (ulong)seed, ("lambda", "80"), ("restarts", "none")), // the paper's CMA-ES runs once
                Harness.Rosenbrock, double.NegativeInfinity, long.MaxValue, maxIterations: 150).Best).ToArray();
        var median = Harness.Median(best);
        _output.WriteLine($"lambda=80 rosenbrock-5, 150 iterations: median best {median:E3}");
        Assert.True(median < 1e-20, $"median best {median}");
    }
}
