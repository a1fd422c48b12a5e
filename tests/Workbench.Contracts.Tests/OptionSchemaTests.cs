using Workbench.Contracts.Options;
using Xunit;

namespace Workbench.Contracts.Tests;

public sealed class OptionSchemaTests
{
    private enum Shape
    {
        Ring,
        FullyConnected,
    }

    private sealed class SampleOptions : IValidatableOptions
    {
        [Option("swarm-size", "Particles", Min = 2, Max = 1000)]
        public int SwarmSize { get; init; } = 40;

        [Option("rate", "A rate", Min = 0, MinExclusive = true, Max = 1)]
        public double Rate { get; init; } = 0.5;

        [Option("shape", "Topology")]
        public Shape Topology { get; init; } = Shape.Ring;

        [Option("lambda", "Population, auto when absent", Min = 2)]
        public int? Lambda { get; init; }

        [Option("x0", "Start point")]
        public double[]? X0 { get; init; }

        [Option("flag", "A switch")]
        public bool Flag { get; init; }

        public IEnumerable<OptionError> Validate()
        {
            if (Lambda is int l && l > SwarmSize * 10)
            {
                yield return new OptionError("lambda", "lambda must be at most 10 x swarm-size");
            }
        }
    }

    private static readonly OptionSchema Schema = OptionSchema.For<SampleOptions>();

    [Fact]
    public void Describes_kinds_defaults_ranges_and_choices()
    {
        var size = Schema.Find("swarm-size")!;
        Assert.Equal(OptionKind.Integer, size.Kind);
        Assert.Equal(40L, size.Default);
        Assert.Equal("an integer in [2, 1000]", size.AllowedText);
        var shape = Schema.Find("shape")!;
        Assert.Equal(OptionKind.Choice, shape.Kind);
        Assert.Equal(["ring", "fully-connected"], shape.Choices);
        Assert.Equal("ring", shape.Default);
        Assert.True(Schema.Find("lambda")!.IsOptional);
        Assert.Equal("auto", Schema.Find("lambda")!.DefaultText);
        Assert.Equal("a real in (0, 1]", Schema.Find("rate")!.AllowedText);
    }

    [Fact]
    public void Parses_and_binds_typed_values()
    {
        var values = Schema.Parse(new Dictionary<string, string>
        {
            ["swarm-size"] = "80",
            ["shape"] = "Fully-Connected",
            ["x0"] = "1, 2.5,-3",
            ["flag"] = "yes",
        });
        var bound = Schema.Bind<SampleOptions>(values);
        Assert.Equal(80, bound.SwarmSize);
        Assert.Equal(Shape.FullyConnected, bound.Topology);
        Assert.Equal([1.0, 2.5, -3.0], bound.X0!);
        Assert.True(bound.Flag);
        Assert.Null(bound.Lambda);
        Assert.Equal(0.5, bound.Rate);
    }

    [Theory]
    [InlineData("swarm-size", "1", "option 'swarm-size' = '1' is invalid: expected an integer in [2, 1000]")]
    [InlineData("swarm-size", "4.5", "option 'swarm-size' = '4.5' is invalid: expected an integer in [2, 1000]")]
    [InlineData("rate", "0", "option 'rate' = '0' is invalid: expected a real in (0, 1]")]
    [InlineData("rate", "NaN", "option 'rate' = 'NaN' is invalid: expected a real in (0, 1]")]
    [InlineData("shape", "star", "option 'shape' = 'star' is invalid: expected one of ring, fully-connected")]
    [InlineData("flag", "maybe", "option 'flag' = 'maybe' is invalid: expected true or false")]
    public void Rejects_bad_values_with_a_message_that_names_the_allowed_values(string name, string value, string message)
    {
        var error = Assert.Throws<OptionException>(() => Schema.Parse(new Dictionary<string, string> { [name] = value }));
        Assert.Equal(name, error.OptionName);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Rejects_unknown_options_listing_the_valid_ones()
    {
        var error = Assert.Throws<OptionException>(() => Schema.Parse(new Dictionary<string, string> { ["swarm"] = "3" }, "pso"));
        Assert.Equal("unknown option 'swarm' for pso; valid options: swarm-size, rate, shape, lambda, x0, flag", error.Message);
    }

    [Fact]
    public void Runs_cross_field_validation_on_bind()
    {
        var values = Schema.Parse(new Dictionary<string, string> { ["swarm-size"] = "2", ["lambda"] = "30" });
        var error = Assert.Throws<OptionException>(() => Schema.Bind<SampleOptions>(values));
        Assert.Equal("lambda", error.OptionName);
    }

    [Fact]
    public void Canonical_text_parses_back_to_equal_values()
    {
        var values = Schema.Parse(new Dictionary<string, string> { ["rate"] = "0.1", ["x0"] = "0.3,1e-7" });
        var again = Schema.Parse(values.ToText());
        Assert.Equal(values.ToText(), again.ToText());
        Assert.Equal("0.1", again.ToText()["rate"]);
    }
}
