using System.Diagnostics;
using Workbench.Engine.Archive;
using Workbench.Reporting;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>History read chunk by chunk (what exports stream): the same rows as the whole history, checked the same
/// way, and the real <c>wb runs export</c> writes what the whole-history export wrote.</summary>
public sealed class HistoryStreamTests
{
    [Fact]
    [Trait("kind", "unit")]
    public void Chunks_read_one_by_one_join_to_the_whole_history_and_damage_is_refused()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 2, rows: 2500);
        IntegrityTests.Edit(temp.DbPath, RunStore.Collections.History, HistoryChunks.Id(ids[1], 1), doc => doc["best"].AsBinary[16] ^= 0x20);

        using var store = RunStore.OpenReadOnly(temp.DbPath);
        var pieces = store.ReadHistoryChunks(ids[0]).ToList();
        Assert.Equal([1024, 1024, 452], pieces.Select(p => p.Count));
        var whole = store.LoadHistory(ids[0]);
        Assert.Equal(whole.Best, pieces.SelectMany(p => p.Best));
        Assert.Equal(whole.Iteration, pieces.SelectMany(p => p.Iteration));
        Assert.Equal(whole.Extras["sigma"], pieces.SelectMany(p => p.Extras["sigma"]));
        store.VerifyHistory(ids[0]);

        Assert.Throws<RunDamagedException>(() => store.VerifyHistory(ids[1]));
        var read = 0;
        Assert.Throws<RunDamagedException>(() =>
        {
            foreach (var piece in store.ReadHistoryChunks(ids[1]))
            {
                read += piece.Count;
            }
        });
        Assert.Equal(1024, read); // only the sound chunk before the damage was handed out
    }

    [Fact]
    [Trait("kind", "unit")]
    public void A_lost_chunk_in_the_middle_is_refused_before_anything_is_read_out()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 1, rows: 2500);
        using (var db = RunStore.Open(temp.DbPath, readOnly: false))
        {
            db.GetCollection(RunStore.Collections.History).Delete(HistoryChunks.Id(ids[0], 1));
        }

        using var store = RunStore.OpenReadOnly(temp.DbPath);
        var refused = Assert.Throws<RunDamagedException>(() => store.VerifyHistory(ids[0]));
        Assert.Contains("1024 history rows stored for 2500 written", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("kind", "process")]
    public async Task Wb_runs_export_streams_the_same_bytes_as_the_whole_history_export()
    {
        using var temp = new TempStore();
        var ids = RepairTests.Fill(temp.DbPath, runs: 2, rows: 2500);
        List<RunData> runs;
        using (var store = RunStore.OpenReadOnly(temp.DbPath))
        {
            runs = [.. ids.Select(id => new RunData(store.Get(id), store.LoadHistory(id)))];
        }

        var csvFile = Path.Combine(temp.Folder, "out.csv");
        var csv = await Wb("runs", "export", ids[0], ids[1], "--csv", "--out", csvFile, "--db", temp.DbPath);
        Assert.True(csv.Code == 0, csv.Err);
        Assert.Equal(HistoryExport.ToCsv(runs), File.ReadAllText(csvFile));

        var json = await Wb("runs", "export", ids[0], ids[1], "--json", "--db", temp.DbPath);
        Assert.True(json.Code == 0, json.Err);
        Assert.Equal(HistoryExport.ToJson(runs), json.Out);
    }

    private static async Task<(int Code, string Out, string Err)> Wb(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(WbChild.WbDll());
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
