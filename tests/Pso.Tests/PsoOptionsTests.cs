using Workbench.Contracts.Options;
using Xunit;

namespace Workbench.Algorithms.Pso.Tests;

public sealed class PsoOptionsTests
{
    private static readonly OptionSchema Schema = Harness.Factory.Options;

    [Fact]
    public void Schema_lists_the_options_with_their_defaults()
    {
        Assert.Equal("pso", Harness.Factory.Id);
        Assert.Equal(40L, Schema.Find("swarm-size")!.Default);
        Assert.Equal(["gbest", "ring"], Schema.Find("topology")!.Choices);
        Assert.Equal(["constriction", "spso2011"], Schema.Find("variant")!.Choices);
        Assert.Equal(["absorb", "reflect"], Schema.Find("boundary")!.Choices);
        Assert.Equal("auto", Schema.Find("chi")!.DefaultText);
        Assert.Equal(0.2, Schema.Find("vmax-fraction")!.Default);
    }

    [Fact]
    public void Auto_coefficients_follow_the_variant()
    {
        var constriction = Schema.Bind<PsoOptions>(Schema.Defaults);
        Assert.Equal(0.7298, constriction.ResolvedChi, 4);
        Assert.Equal(2.05, constriction.ResolvedC1);
        Assert.Equal(2.05, constriction.ResolvedC2);
        var spso = Schema.Bind<PsoOptions>(Schema.Parse(new Dictionary<string, string> { ["variant"] = "spso2011", ["c2"] = "1.5" }));
        Assert.Equal(0.7213, spso.ResolvedChi, 4);
        Assert.Equal(1.1931, spso.ResolvedC1, 4);
        Assert.Equal(1.5, spso.ResolvedC2);
    }

    [Theory]
    [InlineData("swarm-size", "-5", "swarm-size")]
    [InlineData("swarm-size", "1", "swarm-size")]
    [InlineData("topology", "star", "one of gbest, ring")]
    [InlineData("variant", "spso2006", "one of constriction, spso2011")]
    [InlineData("chi", "1.5", "[0, 1]")]
    [InlineData("c1", "-1", "c1")]
    [InlineData("vmax-fraction", "0", "(0, 2]")]
    [InlineData("boundary", "wrap", "absorb, reflect")]
    [InlineData("swarm", "40", "valid options:")]
    public void Bad_values_are_rejected_with_a_message_that_says_what_is_allowed(string name, string value, string expected)
    {
        var e = Assert.Throws<OptionException>(() => Schema.Parse(new Dictionary<string, string> { [name] = value }));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(name, e.OptionName);
    }

    [Fact]
    public void Cross_option_rules_are_checked_when_binding()
    {
        var ring = Schema.Parse(new Dictionary<string, string> { ["topology"] = "ring", ["swarm-size"] = "2" });
        var e = Assert.Throws<OptionException>(() => Harness.Factory.Create(Harness.Problem(2, 0, 1), ring, 1));
        Assert.Equal("swarm-size", e.OptionName);
        var still = Schema.Parse(new Dictionary<string, string> { ["c1"] = "0", ["c2"] = "0" });
        Assert.Equal("c1", Assert.Throws<OptionException>(() => Harness.Factory.Create(Harness.Problem(2, 0, 1), still, 1)).OptionName);
    }
}
