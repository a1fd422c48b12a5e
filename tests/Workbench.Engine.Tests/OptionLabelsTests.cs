using Workbench.Engine.Specs;
using Xunit;

namespace Workbench.Engine.Tests;

public sealed class OptionLabelsTests
{
    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["active"] = "true", ["lambda"] = "auto", ["max-restarts"] = "9", ["restarts"] = "none",
    };

    [Fact]
    public void Only_the_options_that_differ_from_the_defaults_are_named()
    {
        var options = new Dictionary<string, string>(Defaults) { ["restarts"] = "ipop" };
        Assert.Equal("cmaes restarts=ipop", OptionLabels.Label("cmaes", options, Defaults));
    }

    [Fact]
    public void Defaults_alone_give_the_bare_id_and_several_differences_are_sorted_by_name()
    {
        Assert.Equal("cmaes", OptionLabels.Label("cmaes", Defaults, Defaults));
        var options = new Dictionary<string, string>(Defaults) { ["restarts"] = "bipop", ["lambda"] = "20" };
        Assert.Equal("cmaes lambda=20 restarts=bipop", OptionLabels.Label("cmaes", options, Defaults));
    }

    [Fact]
    public void Without_known_defaults_every_option_is_shown()
    {
        Assert.Equal("cmaes active=true lambda=auto max-restarts=9 restarts=none", OptionLabels.Label("cmaes", Defaults, null));
    }
}
