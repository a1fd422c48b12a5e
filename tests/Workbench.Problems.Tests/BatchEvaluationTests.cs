using Workbench.Problems.Benchmarks.Functions;
using Xunit;

namespace Workbench.Problems.Tests;

public sealed class BatchEvaluationTests
{
    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public void A_batch_equals_the_points_evaluated_one_at_a_time(string id)
    {
        const int n = 500;
        var problem = Catalogue.Create(id, 7);
        var points = Catalogue.RandomPoints(problem, n, seed: 11);
        var batch = new double[n];
        problem.Evaluate(points, batch);

        for (var i = 0; i < n; i++)
        {
            var single = Catalogue.EvaluateOne(problem, points.AsSpan(i * 7, 7).ToArray());
            Assert.Equal(BitConverter.DoubleToInt64Bits(single), BitConverter.DoubleToInt64Bits(batch[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public void The_problem_agrees_bit_for_bit_with_the_static_scalar_function(string id)
    {
        // The static methods are what GPU kernels will be checked against, so the problem must use exactly them.
        const int d = 9;
        var problem = Catalogue.Create(id, d);
        var points = Catalogue.RandomPoints(problem, 200, seed: 12);
        var batch = new double[200];
        problem.Evaluate(points, batch);
        for (var i = 0; i < batch.Length; i++)
        {
            var x = points.AsSpan(i * d, d);
            Assert.Equal(batch[i], Scalar(id, x));
        }
    }

    [Fact]
    public void An_empty_batch_is_fine_and_a_ragged_one_is_refused()
    {
        var problem = Catalogue.Create("sphere", 3);
        problem.Evaluate([], []);
        Assert.Throws<ArgumentException>(() => problem.Evaluate(new double[7], new double[2]));
    }

    [Fact]
    public void Evaluating_a_batch_does_not_allocate()
    {
        foreach (var factory in Catalogue.All)
        {
            var problem = Catalogue.Create(factory.Id, 10);
            var points = Catalogue.RandomPoints(problem, 1000, seed: 13);
            var fitness = new double[1000];
            problem.Evaluate(points, fitness); // warm up: JIT and tiering may allocate once
            var before = GC.GetAllocatedBytesForCurrentThread();
            problem.Evaluate(points, fitness);
            Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        }
    }

    private static double Scalar(string id, ReadOnlySpan<double> x) => id switch
    {
        "sphere" => Sphere.Value(x),
        "ellipsoid" => Ellipsoid.Value(x, Ellipsoid.Weights(x.Length)),
        "rosenbrock" => Rosenbrock.Value(x),
        "rastrigin" => Rastrigin.Value(x),
        "schwefel" => Schwefel.Value(x),
        "ackley" => Ackley.Value(x),
        "griewank" => Griewank.Value(x, Griewank.InverseSqrtIndices(x.Length)),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };
}
