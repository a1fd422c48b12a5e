using System.Text.Json;
using System.Text.RegularExpressions;
using Workbench.Conformance;

namespace Workbench.Tui.Tests.EndToEnd;

/// <summary>An option with a fixed set of values, chosen with the selector in a real terminal, reaches the run.</summary>
[Trait("kind", "end-to-end")]
[Collection(TerminalCollection.Name)]
public sealed partial class ChoiceSelectorTests
{
    [Fact]
    public async Task Restarts_chosen_with_the_selector_is_the_option_the_recorded_run_used()
    {
        using var tui = TmuxSession.Start();
        tui.WaitFor("cmaes on ackley");
        // To Problems (no visible change until the pick moves), then past ackley and the 24 bbob-fNN to ellipsoid.
        tui.SendKeys(["Tab", .. Enumerable.Repeat("Down", 25)]);
        tui.WaitFor("cmaes on ellipsoid");
        tui.TabUntil("Evaluation budget");
        tui.Type("3000");
        tui.WaitFor("3000");

        tui.TabUntil("Restart strategy");
        tui.WaitFor(s => RestartsRow(s) == "ipop", "restarts shown as ◂ ipop ▸ (the default)");
        tui.Type("b");
        tui.WaitFor(s => RestartsRow(s) == "bipop", "a typed b to pick bipop");
        tui.SendKeys("Left");
        tui.WaitFor(s => RestartsRow(s) == "ipop", "Left to step back to ipop");
        tui.SendKeys("Right");
        tui.WaitFor(s => RestartsRow(s) == "bipop", "Right to step on to bipop");
        tui.SendKeys("Tab");
        tui.WaitFor("restarts for ipop/bipop"); // the help line of max-restarts, the next field
        Assert.Equal("bipop", RestartsRow(tui.LastScreen));

        tui.SendKeys("F5");
        tui.WaitFor(s => s.Contains("completed (max-evaluations)", StringComparison.Ordinal), "the run to end", seconds: 60);
        tui.SendKeys("C-q");
        tui.WaitFor("[wb exited]");

        var list = await WbProcess.RunAsync(["runs", "list", "--json", "--db", tui.Database], tui.WorkDir, TimeSpan.FromSeconds(60));
        Assert.True(list.ExitCode == 0, list.StdErr);
        var id = Assert.Single(JsonDocument.Parse(list.StdOut).RootElement.EnumerateArray()).GetProperty("runId").GetString()!;
        var show = await WbProcess.RunAsync(["runs", "show", id, "--json", "--db", tui.Database], tui.WorkDir, TimeSpan.FromSeconds(60));
        Assert.True(show.ExitCode == 0, show.StdErr);
        var options = JsonDocument.Parse(show.StdOut).RootElement.GetProperty("run").GetProperty("description").GetProperty("algorithm").GetProperty("options");
        Assert.Equal("bipop", options.GetProperty("restarts").GetString()); // not the default: the selector's pick
    }

    /// <summary>The value the restarts row shows between its arrows, or null when the row shows none.</summary>
    private static string? RestartsRow(string screen) => RestartsRegex().Match(screen) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"│ restarts\s+◂ (\w+) ▸")]
    private static partial Regex RestartsRegex();
}
