using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary>Bad input: exit code 2 and one line that names the valid choices or range.</summary>
[Trait("kind", "process")]
public sealed class CliErrorTests
{
    private static async Task<string> UsageError(params string[] args)
    {
        var result = await WbProcess.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return line;
    }

    [Fact]
    public async Task Unknown_problem_lists_the_valid_ones() =>
        Assert.Equal("wb: unknown problem 'rosenbrok'; valid: ackley, bbob-f01, bbob-f02, bbob-f03, bbob-f04, bbob-f05, bbob-f06, bbob-f07, bbob-f08, bbob-f09, bbob-f10, bbob-f11, bbob-f12, bbob-f13, bbob-f14, bbob-f15, bbob-f16, bbob-f17, bbob-f18, bbob-f19, bbob-f20, bbob-f21, bbob-f22, bbob-f23, bbob-f24, ellipsoid, griewank, rastrigin, rosenbrock, schwefel, sphere",
            await UsageError("run", "-a", "cmaes", "-p", "rosenbrok", "-d", "5"));

    [Fact]
    public async Task Unknown_algorithm_lists_the_valid_ones() =>
        Assert.Equal("wb: unknown algorithm 'cma'; valid: cmaes, ga, pso, random",
            await UsageError("run", "-a", "cma", "-p", "sphere", "-d", "5"));

    [Fact]
    public async Task A_dimension_the_problem_cannot_take_names_the_range() =>
        Assert.Equal("wb: problem 'rosenbrock' takes dimension 2 or more, not 1",
            await UsageError("run", "-a", "cmaes", "-p", "rosenbrock", "-d", "1"));

    [Fact]
    public async Task A_bad_option_value_names_the_allowed_range() =>
        Assert.Equal("wb: algorithm cmaes: option 'lambda' = '1' is invalid: expected an integer >= 2 (or auto)",
            await UsageError("run", "-a", "cmaes", "-p", "sphere", "-d", "3", "--option", "lambda=1"));

    [Fact]
    public async Task An_unknown_option_lists_the_valid_ones()
    {
        var line = await UsageError("run", "-a", "pso", "-p", "sphere", "-d", "3", "--option", "swarm=3");
        Assert.StartsWith("wb: algorithm pso: unknown option 'swarm' for algorithm pso; valid options: ", line);
        Assert.Contains("swarm-size", line);
    }

    [Fact]
    public async Task A_choice_option_names_its_choices() =>
        Assert.Equal("wb: algorithm cmaes: option 'restarts' = 'sometimes' is invalid: expected one of none, ipop, bipop",
            await UsageError("run", "-a", "cmaes", "-p", "sphere", "-d", "3", "-o", "restarts=sometimes"));

    [Fact]
    public async Task Malformed_key_value_and_bounds_are_usage_errors()
    {
        Assert.Equal("wb: --option expects name=value, got 'lambda'", await UsageError("run", "-a", "cmaes", "-p", "sphere", "-d", "3", "-o", "lambda"));
        Assert.Equal("wb: --bounds 'five' is invalid: expected LO:HI, for example -5:5", await UsageError("run", "-a", "cmaes", "-p", "sphere", "-d", "3", "--bounds", "five"));
        Assert.Equal("wb: --bounds 3:1 is invalid: expected LO:HI with finite LO < HI", await UsageError("run", "-a", "cmaes", "-p", "sphere", "-d", "3", "--bounds", "3:1"));
    }

    [Fact]
    public async Task Missing_required_options_and_bad_numbers_are_usage_errors()
    {
        Assert.Equal("wb: Option '--dim' is required.", await UsageError("run", "-a", "cmaes", "-p", "sphere"));
        Assert.Contains("--max-evals", await UsageError("run", "-a", "cmaes", "-p", "sphere", "-d", "2", "--max-evals", "0"));
        Assert.Contains("--workers", await UsageError("run", "-a", "cmaes", "-p", "sphere", "-d", "2", "--workers", "0"));
    }

    [Fact]
    public async Task Describe_of_an_unknown_id_lists_the_valid_ones()
    {
        var line = await UsageError("describe", "nope");
        Assert.StartsWith("wb: unknown id 'nope'; valid: ackley, bbob-f01, ", line);
    }

    [Fact]
    public async Task Task_errors_are_usage_errors()
    {
        Assert.Equal("wb: unknown task 'pie'; valid: heat, pi", await UsageError("task", "run", "-t", "pie"));
        Assert.StartsWith("wb: task heat: dt = 1 exceeds the stability limit dx^2/4 = 2.5E-05", await UsageError("task", "run", "-t", "heat", "-o", "dt=1"));
    }
}
