namespace Workbench.Tui.Tests.EndToEnd;

[Collection(TerminalCollection.Name)]
public sealed class TasksScreenTests
{
    [Fact]
    public void Heat_equation_and_monte_carlo_pi_run_with_per_node_progress_and_a_field_map()
    {
        using var tui = TmuxSession.Start();
        tui.WaitFor("cmaes on ackley");
        tui.SendKeys("F4");
        tui.WaitFor("heat");
        tui.SendKeys("F5");
        tui.WaitFor("map = final field");
        Assert.Contains("node 0", tui.LastScreen);
        Assert.Contains("done", tui.LastScreen);
        Assert.Matches("[@%#]", tui.LastScreen);

        tui.SendKeys("Down");
        tui.SendKeys("F5");
        tui.WaitFor("pi:");
        tui.WaitFor(s => s.Contains("task pi finished", StringComparison.Ordinal), "pi to finish", seconds: 30);
    }
}
