using Workbench.Contracts.Options;
using Xunit;

namespace Workbench.Algorithms.Ga.Tests;

public sealed class GaOptionsTests
{
    private static readonly OptionSchema Schema = Harness.Factory.Options;

    [Fact]
    public void Schema_lists_the_options_with_their_defaults()
    {
        Assert.Equal("ga", Harness.Factory.Id);
        Assert.Equal(100L, Schema.Find("population")!.Default);
        Assert.Equal(2L, Schema.Find("tournament-size")!.Default);
        Assert.Equal(["sbx", "blx"], Schema.Find("crossover")!.Choices);
        Assert.Equal(["polynomial", "gaussian"], Schema.Find("mutation")!.Choices);
        Assert.Equal(0.9, Schema.Find("crossover-rate")!.Default);
        Assert.Equal(15.0, Schema.Find("eta-c")!.Default);
        Assert.Equal(20.0, Schema.Find("eta-m")!.Default);
        Assert.Equal("auto", Schema.Find("mutation-rate")!.DefaultText);
        Assert.Equal("auto", Schema.Find("elite")!.DefaultText);
    }

    [Fact]
    public void Auto_values_follow_the_dimension_and_population()
    {
        var defaults = Schema.Bind<GaOptions>(Schema.Defaults);
        Assert.Equal(0.1, defaults.ResolvedMutationRate(10));
        Assert.Equal(1, defaults.ResolvedElite);
        Assert.Equal(10, new GaOptions { Population = 1000 }.ResolvedElite);
        Assert.Equal(2, new GaOptions { Population = 101 }.ResolvedElite);
    }

    [Theory]
    [InlineData("population", "-5", "population")]
    [InlineData("population", "1", "an integer in [2,")]
    [InlineData("elite", "-1", "elite")]
    [InlineData("crossover-rate", "1.5", "a real in [0, 1]")]
    [InlineData("crossover-rate", "-0.1", "a real in [0, 1]")]
    [InlineData("mutation-rate", "2", "a real in [0, 1] (or auto)")]
    [InlineData("crossover", "uniform", "one of sbx, blx")]
    [InlineData("mutation", "cauchy", "one of polynomial, gaussian")]
    [InlineData("eta-c", "-1", "eta-c")]
    [InlineData("tournament-size", "0", "tournament-size")]
    [InlineData("pop", "10", "valid options:")]
    public void Bad_values_are_rejected_with_a_message_that_says_what_is_allowed(string name, string value, string expected)
    {
        var e = Assert.Throws<OptionException>(() => Schema.Parse(new Dictionary<string, string> { [name] = value }));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(name, e.OptionName);
    }

    [Theory]
    [InlineData("elite", "10", "population", "10", "elite")]
    [InlineData("elite", "12", "population", "10", "elite")]
    [InlineData("tournament-size", "11", "population", "10", "tournament-size")]
    public void Cross_option_rules_are_checked_when_binding(string name, string value, string other, string otherValue, string blamed)
    {
        var values = Schema.Parse(new Dictionary<string, string> { [name] = value, [other] = otherValue });
        var e = Assert.Throws<OptionException>(() => Harness.Factory.Create(Harness.Problem(2, 0, 1), values, 1));
        Assert.Equal(blamed, e.OptionName);
        Assert.Contains("population", e.Message, StringComparison.Ordinal);
    }
}
