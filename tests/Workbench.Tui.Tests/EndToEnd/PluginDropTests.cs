namespace Workbench.Tui.Tests.EndToEnd;

/// <summary>A plugin folder copied into plugins/ while the UI runs appears on the Plugins and Run screens, and
/// disappears when removed, without a restart.</summary>
[Trait("kind", "end-to-end")]
[Collection(TerminalCollection.Name)]
public sealed class PluginDropTests
{
    [Fact]
    public void A_dropped_plugin_appears_on_the_plugins_and_run_screens_and_goes_when_removed()
    {
        using var tui = TmuxSession.Start();
        tui.WaitFor("cmaes on ackley");
        tui.SendKeys("F2");
        tui.WaitFor("benchmarks");
        Assert.DoesNotContain("beta", tui.LastScreen);

        var target = Path.Combine(tui.PluginDir, "BetaPlugin");
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "testplugins", "BetaPlugin"), target);
        tui.WaitFor(s => s.Contains("beta", StringComparison.Ordinal) && s.Contains("beta loaded", StringComparison.Ordinal), "the dropped plugin on the Plugins screen");
        Assert.Contains("loaded", tui.LastScreen);

        tui.SendKeys("F1");
        tui.WaitFor("beta-random");

        Directory.Delete(target, recursive: true);
        tui.WaitFor(s => !s.Contains("beta-random", StringComparison.Ordinal), "the removed optimiser to disappear");
        tui.SendKeys("F2");
        tui.WaitFor(s => s.Contains("benchmarks", StringComparison.Ordinal) && !s.Contains("│beta", StringComparison.Ordinal), "the removed plugin to disappear");
    }

    private static void CopyDirectory(string from, string to)
    {
        // Copy beside the plugin folder, then move it in: the catalog sees one complete folder appear.
        var staging = to + ".staging";
        Directory.CreateDirectory(staging);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(staging, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        Directory.Move(staging, to);
    }
}
