using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Xunit;

namespace Workbench.Algorithms.CmaEs.Tests;

public sealed class OptionTests
{
    private static OptionException Fails(int n, params (string Key, string Value)[] options) =>
        Assert.Throws<OptionException>(() => Harness.Create(n, -1, 1, 1, options));

    [Fact]
    public void Schema_has_the_documented_options_and_defaults()
    {
        var schema = new CmaEsFactory().Options;
        Assert.Equal(OptionKind.Choice, schema.Find("restarts")!.Kind);
        Assert.Equal(["none", "ipop", "bipop"], schema.Find("restarts")!.Choices);
        Assert.Equal("auto", schema.Find("sigma0")!.DefaultText);
        Assert.Equal("auto", schema.Find("lambda")!.DefaultText);
        Assert.Equal(9L, schema.Find("max-restarts")!.Default);
        Assert.Equal(OptionKind.RealVector, schema.Find("x0")!.Kind);
        Assert.Null(schema.Find("tolfun")!.Default);
    }

    [Fact]
    public void Negative_max_std_is_rejected()
    {
        var e = Fails(3, ("max-std", "-0.1"));
        Assert.Equal("max-std", e.OptionName);
        Assert.Equal("auto", new CmaEsFactory().Options.Find("max-std")!.DefaultText);
    }

    [Fact]
    public void Lambda_below_two_is_rejected()
    {
        var e = Fails(3, ("lambda", "1"));
        Assert.Equal("lambda", e.OptionName);
        Assert.StartsWith("option 'lambda'", e.Message);
    }

    [Fact]
    public void Mu_above_lambda_is_rejected()
    {
        Assert.Equal("mu", Fails(3, ("lambda", "6"), ("mu", "7")).OptionName);
        Assert.Equal("mu", Fails(3, ("mu", "50")).OptionName); // against the automatic λ = 7
    }

    [Fact]
    public void Non_positive_sigma0_and_unknown_strategy_are_rejected()
    {
        Assert.Equal("sigma0", Fails(3, ("sigma0", "0")).OptionName);
        Assert.Contains("none, ipop, bipop", Fails(3, ("restarts", "sometimes")).Message);
    }

    [Fact]
    public void X0_of_the_wrong_length_or_outside_the_bounds_is_rejected()
    {
        var e = Fails(3, ("x0", "0,0"));
        Assert.Equal("x0", e.OptionName);
        Assert.Contains("dimension 3", e.Message);
        Assert.Equal("x0", Fails(2, ("x0", "0,2")).OptionName);
    }

    [Fact]
    public void X0_is_the_first_mean()
    {
        var factory = new CmaEsFactory();
        var values = factory.Options.Parse(new Dictionary<string, string> { ["x0"] = "0.5,-0.5", ["sigma0"] = "1e-9" });
        var optimizer = factory.Create(new ProblemInfo("p", 2, Bounds.Uniform(2, -1, 1)), values, 5);
        var batch = optimizer.Ask().Span;
        Assert.Equal(0.5, batch[0], 6);
        Assert.Equal(-0.5, batch[1], 6);
    }
}
