using Workbench.Algorithms.Ga;
using Xunit;

namespace Workbench.Algorithms.Ga.Tests;

/// <summary>The heap selection picks exactly what a full sort by (fitness, index) picks, ties included.</summary>
[Trait("kind", "unit")]
public sealed class EliteSelectionTests
{
    [Theory]
    [InlineData(1, 10, 1000)]
    [InlineData(3, 5, 2)]
    [InlineData(100, 1000, 20)]
    [InlineData(64, 64, 4)]
    public void Selects_the_k_best_lowest_index_first_among_ties(int k, int population, int distinctValues)
    {
        var random = new Random(k * 31 + population);
        var fitness = Enumerable.Range(0, population).Select(_ => (double)random.Next(distinctValues)).ToArray();
        fitness[population / 2] = double.PositiveInfinity;
        var expected = Enumerable.Range(0, population).OrderBy(i => fitness[i]).ThenBy(i => i).Take(k).ToArray();

        var chosen = new EliteSelection(k).Select(fitness).ToArray();

        Assert.Equal(expected, chosen);
    }
}
