using System.Globalization;
using System.Text.Json;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary><c>wb campaign</c> through the real process: resume after kill -9, ERT against an independent computation
/// from <c>wb runs export</c>, the same stored results over loopback peers, one-line errors.</summary>
[Trait("kind", "process")]
public sealed class CliCampaignTests : IDisposable
{
    private const string Campaign = """
        name: t
        algorithms: [cmaes, pso]
        problems: [bbob-f01, bbob-f02, bbob-f08]
        dimensions: [2, 5]
        instances: 1-3
        budget: 400
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("wb-campaign-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Db(string name) => Path.Combine(_folder, name + ".db");

    [Fact]
    public async Task A_campaign_killed_with_kill_9_resumes_without_repeating_a_completed_run_and_reports_the_same()
    {
        var file = Write("c.yaml", Campaign.Replace("budget: 400", "budget: 3000", StringComparison.Ordinal));
        var whole = await WbProcess.RunAsync(["campaign", "run", file, "--db", Db("whole"), "--slots", "2"]);
        Assert.Equal(0, whole.ExitCode);
        Assert.Contains("36 runs, 0 already completed, 36 to run", whole.StdOut, StringComparison.Ordinal);

        // Killed once the first run is done (the redirected progress prints its first line then).
        using (var process = WbProcess.Start(["campaign", "run", file, "--db", Db("killed"), "--slots", "2"]))
        {
            while (await process.StandardError.ReadLineAsync() is { } line && !line.Contains(" runs ", StringComparison.Ordinal))
            {
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var before = await CompletedKeys(Db("killed"));
        var resumed = await WbProcess.RunAsync(["campaign", "run", file, "--db", Db("killed"), "--slots", "2"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"36 runs, {before.Count} already completed, {36 - before.Count} to run", resumed.StdOut, StringComparison.Ordinal);
        var after = await CompletedKeys(Db("killed"));
        Assert.Equal(36, after.Count);
        Assert.Equal(after.Count, after.Distinct().Count()); // no run completed twice

        var again = await WbProcess.RunAsync(["campaign", "run", file, "--db", Db("killed")]);
        Assert.Contains("36 already completed, 0 to run", again.StdOut, StringComparison.Ordinal);
        Assert.Equal(await ErtCsv("whole"), await ErtCsv("killed"));
    }

    [Fact]
    public async Task Report_ert_equals_an_independent_computation_from_runs_export()
    {
        var file = Write("c.yaml", Campaign);
        Assert.Equal(0, (await WbProcess.RunAsync(["campaign", "run", file, "--db", Db("e")])).ExitCode);
        var reported = (await ErtCsv("e")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => (c[0], c[1], int.Parse(c[2], CultureInfo.InvariantCulture), double.Parse(c[3], CultureInfo.InvariantCulture)), c => c[4]);
        Assert.Equal(2 * 3 * 2 * 10, reported.Count);

        var ids = await RunIds(Db("e"));
        var compare = await WbProcess.RunAsync(["runs", "compare", .. ids, "--group", "--db", Db("e")]);
        Assert.Equal(0, compare.ExitCode);
        // Labelled by the options that differ from the defaults: none for the algorithm, the instance for the problem.
        Assert.Contains("cmaes on bbob-f01 instance=2 5-D (n=1)", compare.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("active=", compare.StdOut, StringComparison.Ordinal);

        var export = await WbProcess.RunAsync(["runs", "export", .. ids, "--json", "--db", Db("e")]);
        Assert.Equal(0, export.ExitCode);
        using var doc = JsonDocument.Parse(export.StdOut);
        var trials = doc.RootElement.EnumerateArray().Select(r =>
        {
            var run = r.GetProperty("run");
            var d = run.GetProperty("Description");
            var evaluations = r.GetProperty("history").GetProperty("evaluations").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var best = r.GetProperty("history").GetProperty("best").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            return (Algorithm: d.GetProperty("Algorithm").GetProperty("Id").GetString()!, Problem: d.GetProperty("Problem").GetProperty("Id").GetString()!,
                Dimension: d.GetProperty("Dimension").GetInt32(), Fopt: d.GetProperty("KnownOptimum").GetDouble(), Used: run.GetProperty("Evaluations").GetDouble(), evaluations, best);
        }).ToList();
        foreach (var ((algorithm, problem, dimension, target), value) in reported)
        {
            var cell = trials.Where(t => t.Algorithm == algorithm && t.Problem == problem && t.Dimension == dimension).ToList();
            Assert.Equal(3, cell.Count);
            double sum = 0;
            var successes = 0;
            foreach (var t in cell)
            {
                var hit = Array.FindIndex(t.best, b => b - t.Fopt <= target);
                sum += hit >= 0 ? t.evaluations[hit] : t.Used;
                successes += hit >= 0 ? 1 : 0;
            }

            var expected = successes == 0 ? "inf" : (sum / successes).ToString("R", CultureInfo.InvariantCulture);
            Assert.True(expected == value, $"{algorithm} {problem} {dimension}-D at {target}: report {value}, export {expected}");
        }
    }

    [Fact]
    public async Task Two_loopback_peers_store_the_same_results_as_this_machine()
    {
        var file = Write("c.yaml", Campaign);
        Assert.Equal(0, (await WbProcess.RunAsync(["campaign", "run", file, "--db", Db("local")])).ExitCode);
        using var first = await LoopbackPeer.StartAsync();
        using var second = await LoopbackPeer.StartAsync();
        var remote = await WbProcess.RunAsync(["--insecure", "campaign", "run", file, "--db", Db("peers"), "--no-local", "--peers", $"{first.Address},{second.Address}"]);
        Assert.True(remote.ExitCode == 0, remote.StdErr);
        Assert.Contains("evaluations on 2 peer(s)", remote.StdOut, StringComparison.Ordinal);
        Assert.Equal(await Results(Db("local")), await Results(Db("peers")));
    }

    [Theory]
    [InlineData("name: t\nalgorithms: [cmaes]\nproblems: [bbob-f01]\ndimensions: [2]\nbudget: many\n", "c.yaml: budget: must be a number")]
    [InlineData("name: t\nalgorithms: [cmaes-x]\nproblems: [bbob-f01]\ndimensions: [2]\nbudget: 10\n", "c.yaml: unknown algorithm 'cmaes-x'")]
    [InlineData("name: t\nalgorithms: [{id: cmaes, options: {lambda: -3}}]\nproblems: [bbob-f01]\ndimensions: [2]\nbudget: 10\n", "c.yaml: algorithm cmaes: option 'lambda' = '-3' is invalid")]
    public async Task A_bad_campaign_file_gives_exit_2_and_one_line_before_the_store_is_opened(string text, string expected)
    {
        var file = Write("c.yaml", text);
        var run = await WbProcess.RunAsync(["campaign", "run", file, "--db", Db("bad")]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StdErr, StringComparison.Ordinal);
        Assert.Single(run.StdErr.Trim().Split('\n'));
        Assert.False(File.Exists(Db("bad")));
    }

    private async Task<string[]> ErtCsv(string name)
    {
        var folder = Path.Combine(_folder, "report-" + name);
        var report = await WbProcess.RunAsync(["campaign", "report", "t", "--db", Db(name), "--out", folder]);
        Assert.True(report.ExitCode == 0, report.StdErr);
        Assert.True(File.Exists(Path.Combine(folder, "index.html")));
        return await File.ReadAllLinesAsync(Path.Combine(folder, "ert.csv"));
    }

    private static async Task<JsonElement[]> List(string db)
    {
        var list = await WbProcess.RunAsync(["runs", "list", "--tag", "campaign:t", "--limit", "100000", "--json", "--db", db]);
        Assert.Equal(0, list.ExitCode);
        return JsonDocument.Parse(list.StdOut).RootElement.EnumerateArray().ToArray();
    }

    private static async Task<List<string>> CompletedKeys(string db) =>
        (await List(db)).Where(r => r.GetProperty("status").GetString() == "completed").Select(r => r.GetProperty("name").GetString()!).ToList();

    private static async Task<string[]> RunIds(string db) => (await List(db)).Select(r => r.GetProperty("runId").GetString()!).ToArray();

    /// <summary>Per run key: best value (round-trip text) and evaluations, in key order.</summary>
    private static async Task<string[]> Results(string db) =>
        (await List(db)).Select(r => $"{r.GetProperty("name").GetString()} {r.GetProperty("bestFitness").GetDouble().ToString("R", CultureInfo.InvariantCulture)} {r.GetProperty("evaluations").GetInt64()}")
            .Order(StringComparer.Ordinal).ToArray();
}
