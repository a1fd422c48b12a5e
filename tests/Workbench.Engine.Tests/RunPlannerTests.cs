using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Engine.Tests;

public sealed class RunPlannerTests
{
    private static RunSetupException SetupError(RunRequest request) =>
        Assert.Throws<RunSetupException>(() => new RunPlanner(RunHarness.Catalog, new CpuEvaluatorProvider()).Prepare(request));

    private static readonly RunRequest Valid = RunHarness.Request(new StopCriteria { MaxIterations = 1 });

    [Fact]
    public void Unknown_ids_list_the_valid_ones()
    {
        Assert.Equal("unknown algorithm 'cma'; valid: tiny-es", SetupError(Valid with { AlgorithmId = "cma" }).Message);
        Assert.Equal("unknown problem 'sphre'; valid: faulty, shifted-sphere", SetupError(Valid with { ProblemId = "sphre" }).Message);
    }

    [Fact]
    public void A_dimension_the_problem_cannot_take_names_the_range()
    {
        var error = SetupError(Valid with { ProblemId = "faulty", Dimension = 51 });
        Assert.Equal("dim", error.Subject);
        Assert.Equal("problem 'faulty' takes dimension 1..50, not 51", error.Message);
    }

    [Fact]
    public void Bad_option_values_name_the_owner_and_the_allowed_range()
    {
        var error = SetupError(Valid with { AlgorithmOptions = new Dictionary<string, string> { ["lambda"] = "0" } });
        Assert.Equal("algorithm tiny-es: option 'lambda' = '0' is invalid: expected an integer >= 1", error.Message);
        var unknown = SetupError(Valid with { ProblemOptions = new Dictionary<string, string> { ["x"] = "1" } });
        Assert.Equal("problem shifted-sphere: unknown option 'x' for problem shifted-sphere; it takes no options", unknown.Message);
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(double.NaN, 1.0)]
    public void Bad_bounds_are_refused(double lo, double hi)
    {
        Assert.Equal("bounds", SetupError(Valid with { Bounds = (lo, hi) }).Subject);
    }

    [Fact]
    public void Bad_stopping_criteria_and_workers_are_refused()
    {
        Assert.Equal("max-evals", SetupError(Valid with { Stop = new StopCriteria { MaxEvaluations = 0 } }).Subject);
        Assert.Equal("workers", SetupError(Valid with { Evaluation = new EvaluationSettings { Workers = 0 } }).Subject);
        Assert.Equal("device", SetupError(Valid with { Evaluation = new EvaluationSettings { Device = DeviceChoice.Gpu } }).Subject);
    }

    [Fact]
    public void Describes_the_run_completely()
    {
        using var run = new RunPlanner(RunHarness.Catalog, new CpuEvaluatorProvider()).Prepare(Valid with { Bounds = (-1, 2), Seed = 99 });
        var d = run.Description;
        Assert.Equal(32, d.RunId.Length);
        Assert.Equal("tiny-es", d.Algorithm.Id);
        Assert.Equal("8", d.Algorithm.Options["lambda"]);
        Assert.Equal(99UL, d.Seed);
        Assert.Equal([-1.0, -1, -1], d.Lower);
        Assert.Equal([2.0, 2, 2], d.Upper);
        Assert.True(d.BoundsOverridden);
        Assert.Equal("serial", d.Evaluator);
        Assert.Equal(0.0, d.KnownOptimum);
        Assert.True(d.Machine.Cores >= 1);
    }
}
