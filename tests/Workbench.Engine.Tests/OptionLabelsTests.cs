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

    [Fact]
    public void Labels_read_the_defaults_from_the_plugins_option_descriptions()
    {
        var catalog = new Workbench.Engine.Catalog.StaticCatalog([new Conformance.TinyEsFactory()], [new Conformance.FaultyFactory()]);
        var labels = new OptionLabels(catalog);
        var tiny = OptionLabels.DefaultsOf(catalog, "tiny-es")!;
        Assert.Equal("tiny-es", labels.Label("tiny-es", tiny));
        Assert.Equal("tiny-es lambda=20", labels.Label("tiny-es", new Dictionary<string, string>(tiny) { ["lambda"] = "20" }));
        Assert.Equal("faulty nan=true", labels.ProblemLabel("faulty", new Dictionary<string, string> { ["nan"] = "true", ["throw"] = "false", ["value"] = "0" }));
        Assert.Null(OptionLabels.DefaultsOf(catalog, "nope"));
        Assert.Equal("nope a=1", labels.Label("nope", new Dictionary<string, string> { ["a"] = "1" }));
    }
}
