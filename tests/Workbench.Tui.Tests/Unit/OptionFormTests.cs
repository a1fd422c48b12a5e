using Workbench.Contracts.Options;
using Workbench.Tui.Forms;

namespace Workbench.Tui.Tests.Unit;

public enum Mutation
{
    Gauss,
    Poly,
}

public sealed class OptionFormTests
{
    private sealed class Sample
    {
        [Option("size", "Population size", Min = 2, Max = 100)]
        public long Size { get; set; } = 20;

        [Option("rate", "Mutation rate", Min = 0, Max = 1)]
        public double Rate { get; set; } = 0.1;

        [Option("mode", "How to mutate")]
        public Mutation Mode { get; set; } = Mutation.Gauss;

        [Option("elite", "Keep the best")]
        public bool Elite { get; set; } = true;
    }

    private static OptionForm Form() => new("algorithm sample", OptionSchema.For<Sample>());

    [Fact]
    public void One_field_per_option_with_defaults_and_allowed_values()
    {
        var form = Form();
        Assert.Equal(["elite", "mode", "rate", "size"], form.Fields.Select(f => f.Name).Order());
        var size = form.Fields.Single(f => f.Name == "size");
        Assert.Equal("20", size.Text);
        Assert.Equal("an integer in [2, 100]", size.Hint);
        Assert.Equal("Population size", size.Help);
        Assert.Equal(["gauss", "poly"], form.Fields.Single(f => f.Name == "mode").Choices);
        Assert.Equal(["true", "false"], form.Fields.Single(f => f.Name == "elite").Choices);
        Assert.Empty(form.Errors);
    }

    [Theory]
    [InlineData("size", "1")]
    [InlineData("size", "abc")]
    [InlineData("rate", "1.5")]
    [InlineData("mode", "cauchy")]
    [InlineData("elite", "maybe")]
    public void Invalid_values_are_flagged_with_the_parsers_message(string name, string text)
    {
        var form = Form();
        var field = form.Fields.Single(f => f.Name == name);
        field.Text = text;
        Assert.NotNull(field.Error);
        Assert.Contains($"option '{name}'", field.Error);
        Assert.Single(form.Errors);
    }

    [Fact]
    public void Only_changed_values_are_sent_so_plugin_defaults_apply()
    {
        var form = Form();
        form.Fields.Single(f => f.Name == "rate").Text = " 0.25 ";
        form.Fields.Single(f => f.Name == "mode").Text = "gauss";
        var values = form.ChangedValues();
        Assert.Equal(new Dictionary<string, string> { ["rate"] = "0.25" }, values);
        Assert.Equal(0.25, OptionSchema.For<Sample>().Parse(values)["rate"]);
    }
}
