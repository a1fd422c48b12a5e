using Workbench.Engine.Archive;
using Workbench.Engine.Running;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>A real <c>wb run</c> in a child process: a second writer is refused while it runs, and after SIGKILL the
/// database opens with the run interrupted and its history reaching to within about a second of the kill.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public void Killed_run_is_interrupted_with_history_up_to_the_last_flush_and_a_second_writer_is_refused_meanwhile()
    {
        using var temp = new TempStore();
        using var child = WbChild.Start("run", "-a", "random", "-p", "rastrigin", "-d", "20", "--seed", "3", "--workers", "1",
            "--time-limit", "30", "--db", temp.DbPath);
        try
        {
            WbChild.WaitForLock(temp.DbPath, child, TimeSpan.FromSeconds(20));
            var locked = Assert.Throws<StoreLockedException>(() => RunStore.OpenForWriting(temp.DbPath));
            Assert.Equal(child.Id, locked.OwnerPid);
            Assert.Contains($"process {child.Id}", locked.Message, StringComparison.Ordinal);
            Assert.Throws<StoreLockedException>(() => RunStore.OpenReadOnly(temp.DbPath));
            Thread.Sleep(3000);
        }
        finally
        {
            child.Kill(); // SIGKILL: no chance to flush or mark anything
            child.WaitForExit();
        }

        var killedAt = DateTime.UtcNow;
        // The file is written once a second while the run goes; the last write before the kill is recent.
        // LiteDB appends commits to its log file (runs-log.db) until a checkpoint folds them into runs.db.
        var log = Path.Combine(temp.Folder, "runs-log.db");
        var lastWrite = new[] { temp.DbPath, log }.Where(File.Exists).Max(File.GetLastWriteTimeUtc);
        var sinceLastWrite = (killedAt - lastWrite).TotalSeconds;
        using var store = RunStore.OpenReadOnly(temp.DbPath);
        var run = Assert.Single(store.List(new RunQuery()));
        Assert.Equal(RunStatus.Interrupted, run.Status);
        Assert.Contains($"process {child.Id}", run.Error, StringComparison.Ordinal);
        var history = store.LoadHistory(run.Id);
        Assert.True(history.Count > 0);
        var covered = history.Elapsed[^1];
        Assert.True(covered >= 1.0, $"history covers only {covered:F2} s");
        Assert.True(sinceLastWrite <= 1.5, $"the last history flush landed {sinceLastWrite:F2} s before the kill");
        // The record's progress comes from the latest iteration at the last flush; the thinned history ends at or before it.
        Assert.True(history.Iteration[^1] <= run.Iterations && run.WallSeconds >= covered, $"history to iteration {history.Iteration[^1]}, record at {run.Iterations}");
    }

    [Fact]
    public void A_writer_marks_orphaned_running_runs_interrupted_in_the_file()
    {
        using var temp = new TempStore();
        var d = TempStore.Description();
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            store.Import(TempStore.Finished(d, 3) with { Status = RunStatus.Running, OwnerPid = 999_999 }, RunHistory.From(TempStore.Rows(3), d.ExtraNames));
        }

        using (RunStore.OpenForWriting(temp.DbPath))
        {
        }

        using var reader = RunStore.OpenReadOnly(temp.DbPath);
        var run = reader.Get(d.RunId);
        Assert.Equal(RunStatus.Interrupted, run.Status);
        Assert.Contains("999999", run.Error, StringComparison.Ordinal);
    }
}
