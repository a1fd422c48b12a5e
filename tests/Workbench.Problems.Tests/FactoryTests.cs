using Workbench.Contracts;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Problems.Benchmarks;
using Xunit;

namespace Workbench.Problems.Tests;

public sealed class FactoryTests
{
    public static TheoryData<string, double, double> StandardDomains => new()
    {
        { "sphere", -5, 5 },
        { "ellipsoid", -5, 5 },
        { "rosenbrock", -2.2, 2.2 },
        { "rastrigin", -5.12, 5.12 },
        { "schwefel", -500, 500 },
        { "ackley", -32.768, 32.768 },
        { "griewank", -600, 600 },
    };

    [Theory]
    [MemberData(nameof(StandardDomains))]
    public void Default_bounds_are_the_standard_domain(string id, double lower, double upper)
    {
        var problem = Catalogue.Create(id, 6);
        Assert.Equal(id, problem.Id);
        Assert.Equal(6, problem.Dimension);
        Assert.Equal(6, problem.Bounds.Dimension);
        Assert.All(problem.Bounds.Lower.ToArray(), x => Assert.Equal(lower, x));
        Assert.All(problem.Bounds.Upper.ToArray(), x => Assert.Equal(upper, x));
    }

    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public void Bounds_argument_overrides_the_domain_and_keeps_an_optimum_inside_it(string id)
    {
        var coordinate = Catalogue.Factory(id).OptimumCoordinate;
        var bounds = new Bounds([coordinate - 1, coordinate - 0.5], [coordinate + 3, coordinate + 0.25]);
        var problem = Catalogue.Create(id, 2, bounds);
        Assert.Equal(bounds.Lower.ToArray(), problem.Bounds.Lower.ToArray());
        Assert.Equal(bounds.Upper.ToArray(), problem.Bounds.Upper.ToArray());
        Assert.NotNull(problem.Optimum);
    }

    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public void Bounds_that_exclude_the_minimiser_leave_the_optimum_unknown(string id)
    {
        var coordinate = Catalogue.Factory(id).OptimumCoordinate;
        var problem = Catalogue.Create(id, 2, Bounds.Uniform(2, coordinate + 1, coordinate + 2));
        Assert.Null(problem.Optimum);
    }

    [Fact]
    public void Rosenbrock_refuses_dimension_1_with_a_message_naming_the_range()
    {
        var ex = Assert.Throws<OptionException>(() => Catalogue.Create("rosenbrock", 1));
        Assert.Equal("dim", ex.OptionName);
        Assert.Contains("2 or more", ex.Message);
        Assert.Contains("rosenbrock", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public void Dimension_0_is_refused_and_1_accepted_except_by_rosenbrock(string id)
    {
        Assert.Equal("dim", Assert.Throws<OptionException>(() => Catalogue.Create(id, 0)).OptionName);
        Assert.Equal(id != "rosenbrock", Catalogue.Factory(id).Dimensions.Contains(1));
    }

    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public void Bounds_of_the_wrong_dimension_are_refused(string id)
    {
        var ex = Assert.Throws<OptionException>(() => Catalogue.Create(id, 3, Bounds.Uniform(2, -1, 1)));
        Assert.Equal("bounds", ex.OptionName);
    }

    [Theory]
    [MemberData(nameof(Catalogue.Ids), MemberType = typeof(Catalogue))]
    public void Problems_are_pure_functions_whose_one_option_is_an_artificial_pause(string id)
    {
        var factory = Catalogue.Factory(id);
        Assert.Equal(["pause-ms"], factory.Options.Descriptors.Select(d => d.Name));
        Assert.False(string.IsNullOrWhiteSpace(factory.Description));
        Assert.Equal(ProblemTraits.PureFunction, Catalogue.Create(id, 3).Traits);
        Assert.Throws<OptionException>(() => factory.Options.Parse(new Dictionary<string, string> { ["scale"] = "2" }));
    }

    [Fact]
    public void Factory_ids_are_unique_lower_case()
    {
        var ids = Catalogue.All.Select(f => f.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(id.ToLowerInvariant(), id));
    }

    [Fact]
    public void Every_factory_in_the_assembly_is_covered_and_the_plugin_attribute_is_present()
    {
        var assembly = typeof(BenchmarkFactory).Assembly;
        var factories = assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && typeof(IProblemFactory).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Order();
        Assert.Equal(Catalogue.All.Select(f => f.GetType().Name).Order(), factories);

        var plugin = Assert.Single(assembly.GetCustomAttributes(typeof(WorkbenchPluginAttribute), false).Cast<WorkbenchPluginAttribute>());
        Assert.Equal("benchmarks", plugin.Id);
        Assert.Equal(WorkbenchContract.Version, plugin.ContractVersion);
        Assert.Equal("Workbench contributors", plugin.Authors);
    }
}
