using Workbench.Contracts.Tasks;
using Workbench.Engine.Tasks;

namespace Workbench.Tasks.Tests;

public sealed class ProgressTests
{
    private sealed class Recorder : ITaskObserver
    {
        public List<NodeProgress> Progress { get; } = [];

        public List<NodeStatistics> Finished { get; } = [];

        public void OnNodeProgress(NodeProgress progress) => Progress.Add(progress);

        public void OnNodeFinished(NodeStatistics node) => Finished.Add(node);
    }

    [Fact]
    public void Progress_is_throttled_per_node_but_the_first_and_last_reports_get_through()
    {
        var task = new LambdaTask("busy", 2, TubeTopology.None, (context, token) =>
        {
            for (var i = 1; i <= 1000; i++)
            {
                context.ReportProgress(i / 1000.0, $"step {i}");
            }

            return TaskValue.FromInteger(0);
        });
        var recorder = new Recorder();

        task.Execute(new TaskRunSettings { ProgressInterval = TimeSpan.FromHours(1) }, recorder);

        foreach (var node in new[] { 0, 1 })
        {
            var seen = recorder.Progress.Where(p => p.Node == node).Select(p => p.Message ?? "").ToArray();
            Assert.Equal(new[] { "step 1", "step 1000" }, seen);
        }

        Assert.Equal([0, 1], recorder.Finished.Select(f => f.Node).Order());
        Assert.All(recorder.Finished, f => Assert.True(f.Succeeded));
    }
}
