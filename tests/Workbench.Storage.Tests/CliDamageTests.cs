using System.Diagnostics;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>The real wb on a store with one damaged history and one damaged run record: check names both, readers
/// show the damaged runs as damaged and every other run as stored, a writer is refused, and repair salvages.</summary>
[Trait("kind", "process")]
public sealed class CliDamageTests
{
    [Fact]
    public async Task Damage_is_named_by_check_shown_as_damaged_by_readers_and_salvaged_by_repair()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 3);
        var (chunkHurt, recordHurt, sound) = (ids[0], ids[1], ids[2]);
        IntegrityTests.Edit(temp.DbPath, RunStore.Collections.History, HistoryChunks.Id(chunkHurt, 0), doc => doc["best"].AsBinary[8] ^= 0x7f);
        IntegrityTests.Edit(temp.DbPath, RunStore.Collections.Runs, recordHurt, doc => doc["evals"] = 6_500_000_000_000_000_000L);
        var db = temp.DbPath;
        var before = TempStore.Hash(db);

        var check = await Wb("db", "check", "--db", db);
        Assert.Equal(1, check.Code);
        Assert.Contains($"run {chunkHurt}: history chunk 0 (rows 0-1023) fails its checksum", check.Out, StringComparison.Ordinal);
        Assert.Contains($"run {recordHurt}: its document fails its checksum", check.Out, StringComparison.Ordinal);
        Assert.Contains("(2 damaged run(s))", check.Out, StringComparison.Ordinal);

        var list = await Wb("runs", "list", "--db", db);
        Assert.Equal(0, list.Code);
        Assert.Matches($"{recordHurt[..12]} +- +damaged", list.Out);
        Assert.DoesNotContain("6500000000000000000", list.Out, StringComparison.Ordinal);
        Assert.Contains("1 damaged run(s) not shown in full", list.Out, StringComparison.Ordinal);

        foreach (var refused in new[] { ["runs", "show", chunkHurt], ["runs", "export", chunkHurt, "--csv"], new[] { "runs", "show", recordHurt } })
        {
            var result = await Wb([.. refused, "--db", db]);
            Assert.Equal(1, result.Code);
            Assert.Contains("the run is damaged", Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }

        Assert.Equal(0, (await Wb("runs", "show", sound, "--db", db)).Code);
        var writer = await Wb("runs", "tag", sound, "x", "--db", db);
        Assert.Equal(1, writer.Code);
        Assert.Contains("nothing was written", writer.Err, StringComparison.Ordinal);
        Assert.Equal(before, TempStore.Hash(db));

        var repair = await Wb("db", "repair", "--db", db);
        Assert.True(repair.Code == 0, repair.Out + repair.Err);
        Assert.Contains("recovered 2 run(s)", repair.Out, StringComparison.Ordinal);
        Assert.Contains("(2 readable by wb db check before)", repair.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await Wb("db", "check", "--db", db)).Code);
        Assert.Equal(0, (await Wb("runs", "show", chunkHurt, "--db", db)).Code);
    }

    [Fact]
    public async Task A_damaged_task_run_is_listed_as_damaged_and_refused_by_show_in_one_line()
    {
        using var temp = new TempStore();
        var ids = DamagedTaskListingTests.RecordTasks(temp.DbPath, 2);
        IntegrityTests.Edit(temp.DbPath, RunStore.Collections.Tasks, ids[0], doc => doc["wall"] = 1.2e182);

        var list = await Wb("task", "runs", "--db", temp.DbPath);
        Assert.True(list.Code == 0, list.Out + list.Err);
        Assert.Matches($"{ids[0][..12]} +- +damaged", list.Out);
        Assert.Contains(ids[1][..12], list.Out, StringComparison.Ordinal);
        Assert.Contains("1 damaged task run(s) not shown in full", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("1.2E+182", list.Out, StringComparison.OrdinalIgnoreCase);

        var show = await Wb("task", "show", ids[0], "--db", temp.DbPath);
        Assert.Equal(1, show.Code);
        Assert.Contains($"task run {ids[0]}", Assert.Single(show.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(0, (await Wb("task", "show", ids[1], "--db", temp.DbPath)).Code);
    }

    private static async Task<(int Code, string Out, string Err)> Wb(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(WbChild.WbDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
