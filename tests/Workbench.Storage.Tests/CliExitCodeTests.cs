using Workbench.Cli;
using Workbench.Engine.Archive;
using Xunit;

namespace Workbench.Storage.Tests;

public sealed class CliExitCodeTests
{
    [Fact]
    public async Task Unknown_and_ambiguous_ids_exit_with_usage_code_2()
    {
        using var temp = new TempStore();
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            foreach (var id in new[] { "abc00000000000000000000000000001", "abc00000000000000000000000000002" })
            {
                var d = TempStore.Description(id);
                store.Import(TempStore.Finished(d, 2), RunHistory.From(TempStore.Rows(2), d.ExtraNames));
            }
        }

        Assert.Equal(ExitCodes.Usage, await WbApp.RunAsync(["runs", "show", "abc", "--db", temp.DbPath]));
        Assert.Equal(ExitCodes.Usage, await WbApp.RunAsync(["runs", "show", "ffff", "--db", temp.DbPath]));
        Assert.Equal(ExitCodes.Usage, await WbApp.RunAsync(["runs", "compare", "abc0", "ffff", "--db", temp.DbPath]));
        Assert.Equal(ExitCodes.Ok, await WbApp.RunAsync(["runs", "show", "abc00000000000000000000000000002", "--db", temp.DbPath]));
        Assert.Equal(ExitCodes.Ok, await WbApp.RunAsync(["runs", "tag", "abc00000000000000000000000000002", "keep", "--db", temp.DbPath]));
    }

    [Fact]
    public async Task Unknown_and_ambiguous_task_run_ids_exit_with_usage_code_2()
    {
        using var temp = new TempStore();
        using (var store = RunStore.OpenForWriting(temp.DbPath))
        {
            foreach (var id in new[] { "abc00000000000000000000000000001", "abc00000000000000000000000000002" })
            {
                var task = TaskRecordTests.Started(id);
                store.RecordTaskStarted(task);
                store.RecordTaskFinished(task with { Status = Engine.Running.RunStatus.Completed });
            }
        }

        Assert.Equal(ExitCodes.Usage, await WbApp.RunAsync(["task", "show", "abc", "--db", temp.DbPath]));
        Assert.Equal(ExitCodes.Usage, await WbApp.RunAsync(["task", "show", "ffff", "--db", temp.DbPath]));
        Assert.Equal(ExitCodes.Usage, await WbApp.RunAsync(["task", "show", "not-hex", "--db", temp.DbPath]));
        Assert.Equal(ExitCodes.Ok, await WbApp.RunAsync(["task", "show", "abc00000000000000000000000000002", "--db", temp.DbPath]));
        Assert.Equal(ExitCodes.Ok, await WbApp.RunAsync(["task", "runs", "--db", temp.DbPath, "--task", "heat"]));
    }
}
