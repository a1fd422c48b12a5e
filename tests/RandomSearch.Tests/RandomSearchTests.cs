using Workbench.Contracts;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Xunit;

namespace Workbench.Algorithms.RandomSearch.Tests;

public sealed class RandomSearchTests
{
    private static readonly RandomSearchFactory Factory = new();

    private static readonly Bounds Box = new([-5, 0, 100], [5, 1e-3, 100.5]);

    private static IOptimizer Create(ulong seed, params (string Name, string Value)[] options)
    {
        var values = Factory.Options.Parse(options.ToDictionary(o => o.Name, o => o.Value));
        return Factory.Create(new ProblemInfo("test", Box.Dimension, Box), values, seed);
    }

    /// <summary>Drives a few ask/tell rounds with a fitness that depends on the points, and returns every batch.</summary>
    private static double[][] Run(IOptimizer optimizer, int rounds)
    {
        var batches = new double[rounds][];
        for (var r = 0; r < rounds; r++)
        {
            batches[r] = optimizer.Ask().ToArray();
            var d = optimizer.Dimension;
            var fitness = new double[batches[r].Length / d];
            for (var i = 0; i < fitness.Length; i++)
            {
                fitness[i] = batches[r][i * d] * batches[r][i * d];
            }

            optimizer.Tell(fitness);
        }

        return batches;
    }

    [Fact]
    public void Same_seed_gives_the_same_batches_and_another_seed_does_not()
    {
        var a = Run(Create(42), 5);
        var b = Run(Create(42), 5);
        var c = Run(Create(43), 5);
        for (var r = 0; r < a.Length; r++)
        {
            Assert.Equal(a[r], b[r]);
            Assert.NotEqual(a[r], c[r]);
        }

        Assert.NotEqual(a[0], a[1]);
    }

    [Fact]
    public void Every_point_lies_in_the_bounds_and_the_bounds_are_covered()
    {
        var optimizer = Create(7, ("batch-size", "1000"));
        var points = Run(optimizer, 10).SelectMany(b => b).ToArray();
        var d = Box.Dimension;
        for (var j = 0; j < d; j++)
        {
            var coordinate = Enumerable.Range(0, points.Length / d).Select(i => points[(i * d) + j]).ToArray();
            Assert.All(coordinate, x => Assert.InRange(x, Box.Lower[j], Box.Upper[j]));

            // 10^4 uniform draws: the extremes sit within 0.1% of the width of each end.
            var slack = Box.Width(j) * 1e-3;
            Assert.InRange(coordinate.Min(), Box.Lower[j], Box.Lower[j] + slack);
            Assert.InRange(coordinate.Max(), Box.Upper[j] - slack, Box.Upper[j]);
        }
    }

    [Fact]
    public void Batch_size_defaults_to_100_and_sets_the_batch_length()
    {
        Assert.Equal(100L, Factory.Options.Find("batch-size")!.Default);
        Assert.Equal(100 * Box.Dimension, Create(1).Ask().Length);
        Assert.Equal(Box.Dimension, Create(1, ("batch-size", "1")).Ask().Length);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("many")]
    public void Invalid_batch_sizes_are_refused_naming_the_option(string value)
    {
        var ex = Assert.Throws<OptionException>(() => Create(1, ("batch-size", value)));
        Assert.Equal("batch-size", ex.OptionName);
        Assert.Contains("batch-size", ex.Message);
    }

    [Fact]
    public void Unknown_options_are_refused()
    {
        Assert.Throws<OptionException>(() => Create(1, ("swarm-size", "10")));
    }

    [Fact]
    public void Tell_keeps_the_best_point_and_ignores_nan()
    {
        var optimizer = Create(3, ("batch-size", "4"));
        Assert.Equal(double.PositiveInfinity, optimizer.BestFitness);
        Assert.True(optimizer.BestPoint.IsEmpty);

        var batch = optimizer.Ask().ToArray();
        optimizer.Tell([5, double.NaN, 2, 2]);
        Assert.Equal(2, optimizer.BestFitness);
        Assert.Equal(batch.AsSpan(2 * Box.Dimension, Box.Dimension).ToArray(), optimizer.BestPoint.ToArray());

        _ = optimizer.Ask();
        optimizer.Tell([double.NaN, 3, 9, 2]);
        Assert.Equal(2, optimizer.BestFitness);
        Assert.Equal(batch.AsSpan(2 * Box.Dimension, Box.Dimension).ToArray(), optimizer.BestPoint.ToArray());
    }

    [Fact]
    public void Ask_and_tell_must_alternate_and_tell_needs_one_fitness_per_point()
    {
        var optimizer = Create(3, ("batch-size", "4"));
        Assert.Throws<InvalidOperationException>(() => optimizer.Tell([1, 2, 3, 4]));
        _ = optimizer.Ask();
        Assert.Throws<InvalidOperationException>(() => optimizer.Ask());
        Assert.Throws<ArgumentException>(() => optimizer.Tell([1, 2, 3]));
        optimizer.Tell([1, 2, 3, 4]);
        _ = optimizer.Ask();
    }

    [Fact]
    public void It_never_stops_by_itself_and_reports_no_extras()
    {
        var optimizer = Create(3);
        Run(optimizer, 3);
        Assert.Null(optimizer.StopReason);
        Assert.Empty(optimizer.ExtraNames);
        optimizer.GetExtras([]);
        Assert.IsNotAssignableFrom<IMigrationSupport>(optimizer);
    }

    [Fact]
    public void The_plugin_is_named_random()
    {
        Assert.Equal("random", Factory.Id);
        var plugin = Assert.Single(typeof(RandomSearchFactory).Assembly
            .GetCustomAttributes(typeof(WorkbenchPluginAttribute), false).Cast<WorkbenchPluginAttribute>());
        Assert.Equal("random", plugin.Id);
        Assert.Equal(WorkbenchContract.Version, plugin.ContractVersion);
    }
}
