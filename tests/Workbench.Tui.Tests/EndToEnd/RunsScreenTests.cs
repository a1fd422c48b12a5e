using System.Globalization;
using System.Text.RegularExpressions;
using Workbench.Conformance;

namespace Workbench.Tui.Tests.EndToEnd;

/// <summary>The Runs screen over the real run store (<c>WORKBENCH_DB</c> of the session): runs started in the UI
/// are listed with their status, runs recorded by <c>wb run</c> are compared and exported.</summary>
[Trait("kind", "end-to-end")]
[Collection(TerminalCollection.Name)]
public sealed partial class RunsScreenTests
{
    [Fact]
    public void Runs_started_in_the_ui_are_listed_on_the_runs_screen_with_their_status()
    {
        using var tui = TmuxSession.Start();
        tui.WaitFor("cmaes on ackley");

        // cmaes converges on ackley in about a second; the Runs screen, shown meanwhile, lists it when it ends.
        tui.SendKeys("F5");
        tui.SendKeys("F3");
        tui.WaitFor(s => HasRow(s, "cmaes", "ackley", "10", "completed"), "the finished run on the Runs screen", seconds: 30);
        Assert.True(HasRow(tui.LastScreen, "cmaes", "tui"), "a UI run is tagged tui");

        // A run stopped with F6 is listed as interrupted.
        tui.SendKeys("F1");
        tui.WaitFor("cmaes on ackley");
        tui.SendKeys("Down", "Down", "Down");
        tui.WaitFor("random on ackley");
        // To Problems (no visible change until the pick moves), then past ackley and the 24 bbob-fNN to ellipsoid.
        tui.SendKeys(["Tab", .. Enumerable.Repeat("Down", 25)]);
        tui.WaitFor("random on ellipsoid");
        tui.TabUntil("Evaluation budget");
        tui.Type("900000000");
        tui.SendKeys("F5");
        tui.WaitFor(s => s.Contains("running", StringComparison.Ordinal) && EvalsRegex().IsMatch(s), "the run to go");
        tui.SendKeys("F6");
        tui.WaitFor("interrupted (cancelled)");
        tui.SendKeys("F3");
        tui.WaitFor(s => HasRow(s, "random", "ellipsoid", "interrupted") && HasRow(s, "cmaes", "completed"), "both runs listed");
    }

    [Fact]
    public async Task Two_runs_recorded_by_wb_run_are_compared_and_exported_as_csv()
    {
        var work = TmuxSession.NewWorkDir();
        var db = Path.Combine(work, "runs.db");
        var random = await RecordAsync(work, db, "random", "1");
        var pso = await RecordAsync(work, db, "pso", "2");

        using var tui = TmuxSession.Start(workDir: work);
        tui.WaitFor("cmaes on ackley");
        tui.SendKeys("F3");
        tui.WaitFor(s => HasRow(s, "pso", "sphere", "2", "completed") && HasRow(s, "random", "sphere", "2", "completed"), "the two stored runs");

        // Mark both (newest first: pso, then random) and compare.
        tui.SendKeys("Space");
        tui.WaitFor(s => Marks(s) == 1, "one mark");
        tui.SendKeys("Down", "Space");
        tui.WaitFor(s => Marks(s) == 2, "two marks");
        tui.SendKeys("F8");
        var screen = tui.WaitFor("comparing 2 run(s)");
        Assert.Contains("pso/sphere seed 2", screen);    // the curve legend
        Assert.Contains("random/sphere seed 1", screen);
        Assert.Matches(@"RUN\s+ALGORITHM\s+BEST\s+EVALS\s+STOP", screen); // the wb runs compare table
        Assert.Matches($@"{pso[..12]}\s+pso\s+\S+\s+200\s+max-evaluations", screen);
        Assert.Matches($@"{random[..12]}\s+random\s+\S+\s+200\s+max-evaluations", screen);

        // Ctrl+E writes the marked runs' histories into the working directory.
        tui.SendKeys("C-e");
        tui.WaitFor(s => s.Contains("wrote ", StringComparison.Ordinal) && s.Contains(".csv", StringComparison.Ordinal), "the CSV export");
        var csv = Assert.Single(Directory.GetFiles(work, "wb-runs-*.csv"));
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"no {name} column in {lines[0]}");
        var (id, evaluations, best) = (Column("run_id"), Column("evaluations"), Column("best"));
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        Assert.Equal(new[] { pso, random }.Order(), rows.Select(r => r[id]).Distinct().Order());
        Assert.All(rows, r => Assert.InRange(long.Parse(r[evaluations], CultureInfo.InvariantCulture), 1, 200));
        Assert.All(rows, r => Assert.True(double.IsFinite(double.Parse(r[best], CultureInfo.InvariantCulture))));
        Assert.Equal(200, rows.Where(r => r[id] == pso).Max(r => long.Parse(r[evaluations], CultureInfo.InvariantCulture)));
    }

    /// <summary>Records a 200-evaluation run on 2-D sphere with <c>wb run</c>; returns its id.</summary>
    private static async Task<string> RecordAsync(string work, string db, string algorithm, string seed)
    {
        var result = await WbProcess.RunAsync(["run", "-a", algorithm, "-p", "sphere", "-d", "2", "--max-evals", "200", "--seed", seed, "--db", db], work, TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.StdErr);
        return RunIdRegex().Match(result.StdOut).Groups[1].Value;
    }

    /// <summary>A table line (between the frame's bars) holding every one of <paramref name="cells"/> as a cell.</summary>
    private static bool HasRow(string screen, params string[] cells) =>
        screen.Split('\n').Any(line => cells.All(c => Regex.IsMatch(line, $@"│{Regex.Escape(c)}\s*│")));

    private static int Marks(string screen) => screen.Split('\n').Count(line => line.Contains("│*│", StringComparison.Ordinal));

    [GeneratedRegex(@"evals (\d+)\s")]
    private static partial Regex EvalsRegex();

    [GeneratedRegex(@"^run ([0-9a-f]{32}):", RegexOptions.Multiline)]
    private static partial Regex RunIdRegex();
}
