using Xunit;
using Xunit.Abstractions;

namespace Workbench.Bbob.Tests;

/// <summary>Every row of COCO's reference tables, reproduced by the port.</summary>
public sealed class ReferenceValueTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_reference_value_matches_coco()
    {
        var worst = new SortedDictionary<int, double>();
        var failures = new List<string>();
        var rows = 0;
        var problems = new Dictionary<(int, int, int), Contracts.Problems.IProblem>();
        foreach (var r in ReferenceData.Rows("bbob-reference-values.tsv"))
        {
            var (f, d, i) = (int.Parse(r[0]), int.Parse(r[1]), int.Parse(r[2]));
            if (!problems.TryGetValue((f, d, i), out var problem))
            {
                problem = ReferenceData.Create(f, d, i);
                problems.Add((f, d, i), problem);
                Check(failures, $"{r[3]} fopt", problem.Optimum?.Value ?? double.NaN, ReferenceData.Number(r[4]));
            }

            var expected = ReferenceData.Number(r[6]);
            var actual = ReferenceData.Evaluate(problem, ReferenceData.Vector(r[7]));
            var error = ReferenceData.Error(actual, expected);
            worst[f] = Math.Max(worst.GetValueOrDefault(f), double.IsNaN(error) ? double.PositiveInfinity : error);
            Check(failures, $"{r[3]} point {r[5]}", actual, expected);
            rows++;
        }

        foreach (var (f, e) in worst)
        {
            output.WriteLine($"f{f}: worst relative error {e:G3}");
        }

        Assert.Equal(24 * 6 * 5 * 7, rows);
        Assert.True(failures.Count == 0, $"{failures.Count} of {rows} rows differ:\n{string.Join('\n', failures.Take(40))}");
    }

    [Fact]
    public void Every_optimum_matches_coco()
    {
        var failures = new List<string>();
        var rows = 0;
        foreach (var r in ReferenceData.Rows("bbob-optima.tsv"))
        {
            var (f, d, i) = (int.Parse(r[0]), int.Parse(r[1]), int.Parse(r[2]));
            var problem = ReferenceData.Create(f, d, i);
            var fopt = ReferenceData.Number(r[3]);
            Check(failures, $"f{f} d{d} i{i} fopt", problem.Optimum?.Value ?? double.NaN, fopt);
            var xopt = ReferenceData.Vector(r[5]);
            if (xopt.All(double.IsFinite))
            {
                Check(failures, $"f{f} d{d} i{i} f(xopt)", ReferenceData.Evaluate(problem, xopt), fopt);
                // The optimum the problem reports is a minimiser too (f9 and f19 compute theirs independently).
                Check(failures, $"f{f} d{d} i{i} f(own xopt)", ReferenceData.Evaluate(problem, [.. problem.Optimum!.Point!]), fopt);
            }

            rows++;
        }

        Assert.Equal(24 * 6 * 15, rows);
        Assert.True(failures.Count == 0, $"{failures.Count} checks fail:\n{string.Join('\n', failures.Take(40))}");
    }

    private static void Check(List<string> failures, string what, double actual, double expected)
    {
        if (!(ReferenceData.Error(actual, expected) <= ReferenceData.Tolerance))
        {
            failures.Add($"{what}: got {actual:R}, COCO {expected:R} (error {ReferenceData.Error(actual, expected):G3})");
        }
    }
}
