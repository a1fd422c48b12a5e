using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;
using Workbench.Engine.Evaluation;
using Workbench.Gpu.Contracts;
using Workbench.Problems.Benchmarks.Factories;

namespace Workbench.Gpu.Tests;

/// <summary>Every benchmark kernel against its CPU implementation, within 1e-12 relative, on random points
/// across the whole domain (on the CPU accelerator; on a GPU machine <c>wb gpu selftest</c> runs the same check).</summary>
[Collection(SimulatorCollection.Name)]
public sealed class KernelAgreementTests(SimulatorFixture gpu)
{
    public static TheoryData<string> Functions => ["sphere", "ellipsoid", "rosenbrock", "rastrigin", "schwefel", "ackley", "griewank"];

    public static IProblemFactory Factory(string id) => id switch
    {
        "sphere" => new SphereFactory(),
        "ellipsoid" => new EllipsoidFactory(),
        "rosenbrock" => new RosenbrockFactory(),
        "rastrigin" => new RastriginFactory(),
        "schwefel" => new SchwefelFactory(),
        "ackley" => new AckleyFactory(),
        "griewank" => new GriewankFactory(),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Kernel_agrees_with_the_cpu_within_1e_12_relative(string id)
    {
        foreach (var dimension in new[] { 2, 3, 7 })
        {
            var problem = Factory(id).Create(OptionSchema.Empty.Defaults, dimension, null);
            Assert.IsAssignableFrom<IGpuProblem>(problem);
            var points = RandomPoints(problem, 257, seed: (ulong)(dimension * 31));
            var expected = new double[257];
            problem.Evaluate(points, expected);
            var actual = new double[257];
            using (var evaluator = new GpuEvaluator(gpu.Accelerator, problem, "simulator"))
            {
                await evaluator.EvaluateAsync(points, actual, CancellationToken.None);
            }

            for (var i = 0; i < expected.Length; i++)
            {
                var scale = Math.Max(1, Math.Abs(expected[i]));
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * scale, $"{id} d={dimension} point {i}: cpu {expected[i]:R}, gpu {actual[i]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Kernel_is_exact_at_the_known_optimum(string id)
    {
        var problem = Factory(id).Create(OptionSchema.Empty.Defaults, 4, null);
        var optimum = problem.Optimum!;
        var expected = new double[1];
        problem.Evaluate(optimum.Point!.ToArray(), expected);
        var actual = new double[1];
        using var evaluator = new GpuEvaluator(gpu.Accelerator, new ProblemGuard(problem, "benchmarks", NonFinitePolicy.Error), "simulator");
        await evaluator.EvaluateAsync(optimum.Point!.ToArray(), actual, CancellationToken.None);
        Assert.True(Math.Abs(actual[0] - expected[0]) <= 1e-12, $"{id}: cpu {expected[0]:R}, gpu {actual[0]:R}");
    }

    internal static double[] RandomPoints(IProblem problem, int count, ulong seed)
    {
        var random = new RandomStream(seed);
        var d = problem.Dimension;
        var points = new double[count * d];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = random.NextDouble(problem.Bounds.Lower[i % d], problem.Bounds.Upper[i % d]);
        }

        return points;
    }
}
