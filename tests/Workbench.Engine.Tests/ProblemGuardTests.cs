using Workbench.Conformance;
using Workbench.Engine.Evaluation;
using Xunit;

namespace Workbench.Engine.Tests;

public sealed class ProblemGuardTests
{
    [Fact]
    public void Counts_evaluations()
    {
        var guard = new ProblemGuard(new ShiftedSphere(2), "test", NonFinitePolicy.Error);
        guard.Evaluate(new double[6], new double[3]);
        guard.Evaluate(new double[2], new double[1]);
        Assert.Equal(4, guard.Evaluations);
    }

    [Fact]
    public void Rejects_a_batch_whose_length_does_not_match_the_dimension()
    {
        var guard = new ProblemGuard(new ShiftedSphere(3), "test", NonFinitePolicy.Error);
        var error = Assert.Throws<PluginFailureException>(() => guard.Evaluate(new double[7], new double[2]));
        Assert.Equal("a batch of 2 points of dimension 3 needs 6 values, got 7", error.Message);
    }

    [Fact]
    public void Rejects_points_outside_the_bounds_naming_the_coordinate()
    {
        var guard = new ProblemGuard(new ShiftedSphere(2), "test", NonFinitePolicy.Error);
        var error = Assert.Throws<PluginFailureException>(() => guard.Evaluate([0, 0, 1, 5.5], new double[2]));
        Assert.Equal("point 1 of the batch has coordinate 1 = 5.5, outside [-5, 5] of problem 'shifted-sphere'", error.Message);
        Assert.Throws<PluginFailureException>(() => guard.Evaluate([double.NaN, 0], new double[1]));
    }

    [Fact]
    public void A_nan_fitness_is_an_error_naming_the_problem_the_plugin_and_the_point()
    {
        var guard = new ProblemGuard(new FaultyProblem(2, double.NaN), "faulty-plugin", NonFinitePolicy.Error);
        var error = Assert.Throws<PluginFailureException>(() => guard.Evaluate([-0.5, 0, 0.25, -1], new double[2]));
        Assert.StartsWith("problem 'faulty' (plugin faulty-plugin) returned NaN at point [0.25, -1]", error.Message);
        Assert.Equal(0, guard.Evaluations);
    }

    [Fact]
    public void Treat_as_worst_replaces_non_finite_values_with_positive_infinity()
    {
        var guard = new ProblemGuard(new FaultyProblem(1, double.NegativeInfinity), "p", NonFinitePolicy.TreatAsWorst);
        var fitness = new double[2];
        guard.Evaluate([-0.5, 0.5], fitness);
        Assert.Equal([0.25, double.PositiveInfinity], fitness);
    }

    [Fact]
    public void A_plugin_exception_is_wrapped_with_the_plugin_id()
    {
        var guard = new ProblemGuard(new FaultyProblem(1, 0, throws: true), "models", NonFinitePolicy.Error);
        var error = Assert.Throws<PluginFailureException>(() => guard.Evaluate([0.1], new double[1]));
        Assert.Equal("problem 'faulty' (plugin models) threw InvalidOperationException while evaluating 1 points: model diverged", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Theory]
    [InlineData(4321, 2)]
    [InlineData(0, 0)]
    [InlineData(9999, 2)]
    public void Finds_a_violation_anywhere_in_a_large_batch(int point, int coordinate)
    {
        var guard = new ProblemGuard(new ShiftedSphere(3), "test", NonFinitePolicy.Error);
        var points = new double[10_000 * 3];
        points[(point * 3) + coordinate] = -5.000001;
        var error = Assert.Throws<PluginFailureException>(() => guard.Evaluate(points, new double[10_000]));
        Assert.StartsWith($"point {point} of the batch has coordinate {coordinate} = -5.000001", error.Message);
    }

    [Theory]
    [InlineData(9_998)]
    [InlineData(9_999)]
    [InlineData(5)]
    public void Finds_a_non_finite_fitness_anywhere_in_a_large_batch(int index)
    {
        var guard = new ProblemGuard(new FaultyProblem(1, double.PositiveInfinity), "p", NonFinitePolicy.TreatAsWorst);
        var points = new double[9_999 + 1];
        Array.Fill(points, -0.5);
        points[index] = 0.5;
        var fitness = new double[points.Length];
        guard.Evaluate(points, fitness);
        Assert.Equal(double.PositiveInfinity, fitness[index]);
        Assert.Equal(points.Length - 1, fitness.Count(f => f == 0.25));
    }
}
