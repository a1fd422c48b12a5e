using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Xunit;

namespace Workbench.Bbob.Tests;

/// <summary>What the host relies on besides the values: bounds, options, traits, batches, threads, allocation.</summary>
public sealed class ProblemTests
{
    public static TheoryData<int> Functions => [.. Enumerable.Range(1, 24)];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Domain_is_exactly_minus_five_to_five_and_holds_the_optimum(int function)
    {
        var problem = ReferenceData.Create(function, 7, 4);
        Assert.Equal($"bbob-f{function:D2}", problem.Id);
        Assert.True(problem.Bounds.Lower.ToArray().All(v => v == -5.0));
        Assert.True(problem.Bounds.Upper.ToArray().All(v => v == 5.0));
        Assert.Equal(ProblemTraits.PureFunction, problem.Traits);
        Assert.NotNull(problem.Optimum?.Point);
        Assert.True(problem.Bounds.Contains([.. problem.Optimum!.Point!]));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void A_batch_gives_the_same_values_serially_in_parallel_and_one_by_one(int function)
    {
        const int count = 64;
        var problem = ReferenceData.Create(function, 12, 2);
        var random = new Random(function);
        var points = new double[count * 12];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = -5.0 + 10.0 * random.NextDouble();
        }

        var batch = new double[count];
        problem.Evaluate(points, batch);
        var parallel = new double[count];
        Parallel.For(0, count, i => problem.Evaluate(points.AsSpan(i * 12, 12), parallel.AsSpan(i, 1)));
        Assert.Equal(batch, parallel);
        Assert.Equal(batch[5], ReferenceData.Evaluate(problem, points[(5 * 12)..(6 * 12)]));
    }

    [Theory]
    [InlineData(3, 10)]
    [InlineData(21, 40)]
    [InlineData(24, 200)]
    public void Evaluation_does_not_allocate_per_point(int function, int dimension)
    {
        var problem = ReferenceData.Create(function, dimension, 1);
        var points = new double[1000 * dimension];
        var fitness = new double[1000];
        problem.Evaluate(points.AsSpan(0, dimension), fitness.AsSpan(0, 1));
        var before = GC.GetAllocatedBytesForCurrentThread();
        problem.Evaluate(points, fitness);
        // At most the one scratch array of a large dimension, whatever the number of points.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * dimension);
    }

    [Fact]
    public void Instance_and_dimension_are_validated()
    {
        var factory = ReferenceData.All[1];
        Assert.Throws<OptionException>(() => factory.Options.Parse(new Dictionary<string, string> { ["instance"] = "0" }));
        Assert.Throws<OptionException>(() => factory.Create(factory.Options.Parse(new Dictionary<string, string>()), 1, null));
        Assert.Equal(1L, Convert.ToInt64(factory.Options.Parse(new Dictionary<string, string>())["instance"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Hosts_that_pass_no_options_get_instance_one()
    {
        // wb gpu selftest creates every problem with an empty option set.
        var problem = ReferenceData.All[3].Create(OptionSchema.Empty.Defaults, 4, null);
        Assert.Equal(ReferenceData.Create(3, 4, 1).Optimum, problem.Optimum, (a, b) => a!.Value == b!.Value);
    }

    [Fact]
    public void Instances_differ_and_repeat()
    {
        var a = ReferenceData.Create(15, 5, 1);
        var b = ReferenceData.Create(15, 5, 2);
        Assert.NotEqual(a.Optimum!.Value, b.Optimum!.Value);
        Assert.Equal(a.Optimum.Point, ReferenceData.Create(15, 5, 1).Optimum!.Point);
    }
}
