using Workbench.Conformance;
using Xunit;

namespace MyTask.Tests;

public sealed class MyTaskTests
{
    [Fact]
    public void Runs_on_the_host_runtime_and_repeats_with_its_seed()
    {
        var result = TaskConformance.Check(new MyTaskFactory());
        Assert.InRange(result.Value.AsReal(), 0.45, 0.55);
    }
}
