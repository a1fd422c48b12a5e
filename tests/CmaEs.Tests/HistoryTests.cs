using Xunit;

namespace Workbench.Algorithms.CmaEs.Tests;

public sealed class HistoryTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(124)]
    [InlineData(125)]
    public void Median_by_selection_equals_the_median_of_the_sorted_window(int length)
    {
        var random = new Random(length);
        var scratch = new double[length];
        foreach (var kind in new[] { "random", "ties", "ascending", "descending", "infinite" })
        {
            var history = new History(length + 3);
            var pushed = new List<double>();
            for (var i = 0; i < length + 5; i++)
            {
                var v = kind switch
                {
                    "random" => random.NextDouble(),
                    "ties" => random.Next(3),
                    "ascending" => i,
                    "descending" => -i,
                    _ => random.Next(4) == 0 ? double.PositiveInfinity : random.NextDouble(),
                };
                history.Push(v);
                pushed.Add(v);
            }

            // Ages [1, 1 + length): skip the latest push.
            var window = pushed.AsEnumerable().Reverse().Skip(1).Take(length).ToArray();
            Assert.Equal(Harness.Median(window), history.Median(1, length, scratch));
        }
    }
}
