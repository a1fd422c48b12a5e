using Workbench.Conformance;
using Xunit;

namespace MyOptimizer.Tests;

public sealed class MyOptimizerTests
{
    [Fact]
    public void Keeps_the_rules_the_host_enforces() => OptimizerConformance.Check(new MyOptimizerFactory());
}
