using Workbench.Conformance;
using Xunit;

namespace DecayFit.Tests;

public sealed class DecayFitTests
{
    [Fact]
    public void Keeps_the_rules_the_host_enforces() => ProblemConformance.Check(new DecayFitFactory());

    [Fact]
    public void The_true_parameters_fit_better_than_a_guess()
    {
        var problem = new DecayFitFactory().Create(new DecayFitFactory().Options.Defaults, 2, null);
        var fitness = new double[2];
        problem.Evaluate([10.0, 0.5, 5.0, 2.0], fitness);
        Assert.True(fitness[0] < fitness[1], $"{fitness[0]} at (10, 0.5) should beat {fitness[1]} at (5, 2)");
    }
}
