using Workbench.Contracts.Jobs;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Catalog;
using Workbench.Engine.Mapping;
using Workbench.Problems.Jobs;

namespace Workbench.Mapping.Tests;

public sealed class DeterminismTests
{
    private static MapJob Lif() => MapJob.Resolve(
        new Registered<IJobFactory>(new LifJobFactory(), ComponentOrigin.InProcess("jobs")),
        new Dictionary<string, string> { ["neurons"] = "100", ["duration-ms"] = "100" });

    [Fact]
    public async Task Outputs_are_the_same_whatever_the_slot_count()
    {
        var inputs = Enumerable.Range(0, 12).Select(i => TaskValue.FromInteger(i)).ToArray();
        var outputs = new List<double[][]>();
        foreach (var slots in new[] { 1, 2, 5 })
        {
            var result = await new MapScheduler().RunAsync(Lif(), inputs, new LocalJobSlots(slots));
            Assert.True(result.Succeeded);
            outputs.Add(result.Jobs.Select(j => j.Output!.AsReals().ToArray()).ToArray());
        }

        Assert.Equal(outputs[0], outputs[1]);
        Assert.Equal(outputs[0], outputs[2]);
    }

    [Fact]
    public void Lif_fires_and_depends_on_its_input()
    {
        var job = Lif().Local;
        var a = job.Run(TaskValue.FromInteger(0), CancellationToken.None).AsReals().ToArray();
        var b = job.Run(TaskValue.FromInteger(1), CancellationToken.None).AsReals().ToArray();
        Assert.Equal(a, job.Run(TaskValue.FromInteger(0), CancellationToken.None).AsReals().ToArray());
        Assert.InRange(a[0], 1, 200);
        Assert.NotEqual(a, b);
        Assert.Equal(100, a[2]);
        Assert.Equal(175, b[2]);
    }

    [Fact]
    public void The_spec_carries_every_option_as_text()
    {
        var job = Lif();
        Assert.Equal("job", job.Spec.Kind);
        Assert.Equal("lif", job.Spec.Id);
        Assert.Equal("100", job.Spec.Options["neurons"]);
        Assert.True(job.Spec.Options.ContainsKey("connectivity"));
    }

    [Fact]
    public void A_bad_option_is_a_setup_error_naming_it()
    {
        var ex = Assert.Throws<Workbench.Engine.RunSetupException>(() => MapJob.Resolve(
            new Registered<IJobFactory>(new SleepJobFactory(), ComponentOrigin.InProcess("jobs")),
            new Dictionary<string, string> { ["seconds"] = "-1" }));
        Assert.Equal("seconds", ex.Subject);
    }
}
