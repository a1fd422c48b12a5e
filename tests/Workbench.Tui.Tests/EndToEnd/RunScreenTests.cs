using System.Text.RegularExpressions;

namespace Workbench.Tui.Tests.EndToEnd;

/// <summary>The Run screen driven through a real terminal: pick, set options, run, watch, stop.</summary>
[Trait("kind", "end-to-end")]
[Collection(TerminalCollection.Name)]
public sealed partial class RunScreenTests
{
    [Fact]
    public void Pick_an_optimiser_and_a_problem_run_watch_it_converge_and_stop_it()
    {
        using var tui = TmuxSession.Start();
        tui.WaitFor("cmaes on ackley");

        // Optimisers has focus first: random is the 4th; Tab to Problems, sphere is the 31st (after the 24 bbob-fNN).
        tui.SendKeys("Down", "Down", "Down");
        tui.WaitFor("random on ackley");
        tui.SendKeys(["Tab", .. Enumerable.Repeat("Down", 30)]);
        tui.WaitFor("random on sphere");
        tui.TabUntil("Evaluation budget");
        tui.Type("900000000");
        tui.TabUntil(">= 1: CPU");
        tui.SendKeys("BSpace", "BSpace", "BSpace");
        tui.Type("1");

        tui.SendKeys("F5");
        var first = Numbers(tui.WaitFor(s => EvalsRegex().IsMatch(s) && s.Contains("running", StringComparison.Ordinal), "live numbers"));
        var later = Numbers(tui.WaitFor(s => EvalsRegex().IsMatch(s) && Numbers(s) > first, "the evaluation count to grow"));
        Assert.True(later > first);
        Assert.Contains("evals/s", tui.LastScreen);
        Assert.Contains("|*", tui.LastScreen.Replace(" ", "", StringComparison.Ordinal)); // the curve is drawn

        tui.SendKeys("F6");
        tui.WaitFor("[interrupted]");
        tui.WaitFor("interrupted (cancelled)");

        // Still clean after a resize, and a bad value is refused before any run starts.
        tui.Resize(100, 30);
        tui.WaitFor(s => s.Split('\n')[0].Contains("F4 Tasks", StringComparison.Ordinal) && s.Contains("Convergence", StringComparison.Ordinal), "a redraw at 100x30");
        tui.TabUntil("Evaluation budget", "BTab");
        tui.SendKeys("End");
        tui.Type("x");
        tui.WaitFor("max-evals '900000000x' is invalid");
        tui.SendKeys("F5");
        tui.WaitFor("cannot start: max-evals '900000000x' is invalid");
    }

    private static long Numbers(string screen) => long.Parse(EvalsRegex().Match(screen).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"evals (\d+)\s")]
    private static partial Regex EvalsRegex();
}
