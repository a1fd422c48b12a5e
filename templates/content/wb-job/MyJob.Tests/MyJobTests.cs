using Workbench.Conformance;
using Workbench.Contracts.Tasks;
using Xunit;

namespace MyJob.Tests;

public sealed class MyJobTests
{
    [Fact]
    public void Gives_the_same_output_for_an_input_every_time()
    {
        var outputs = JobConformance.Check(new MyJobFactory(), [TaskValue.FromInteger(3), TaskValue.FromReal(-1.5)]);
        Assert.Equal(9.0, outputs[0].AsReal());
    }
}
