using Workbench;
using Xunit;

namespace Workbench.Api.Tests;

/// <summary>The README's example is this test's body, character for character: the test runs it, then checks
/// that the README still shows exactly these lines.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_runs_and_finds_the_minimum()
    {
        // README example begin
        var result = Optimize.Minimize(
            x => x.Sum(v => v * v),             // any C# function of a double[]
            lower: -10, upper: 10, dimension: 5,
            algorithm: "cmaes",
            options: new OptimizeOptions { Seed = 42, Target = 1e-10, ObjectiveIsThreadSafe = true });

        Console.WriteLine($"best {result.BestValue:G3} at [{string.Join(", ", result.BestPoint.Select(v => v.ToString("F4")))}]");
        Console.WriteLine($"{result.Evaluations} evaluations, stopped by {result.StopReason}");
        // README example end
        Assert.True(result.BestValue <= 1e-10, $"best {result.BestValue}");
        Assert.Equal("target", result.StopReason);
        Assert.All(result.BestPoint, v => Assert.InRange(v, -1e-4, 1e-4));
    }

    [Fact]
    public void The_readme_shows_the_example_exactly()
    {
        var root = RepositoryRoot();
        var test = Between(File.ReadAllLines(Path.Combine(root, "tests", "Workbench.Api.Tests", "ReadmeExampleTests.cs")),
            "// README example begin", "// README example end");
        var readme = Between(File.ReadAllLines(Path.Combine(root, "README.md")), "<!-- api-example begin -->", "<!-- api-example end -->")
            .Where(line => !line.StartsWith("```", StringComparison.Ordinal) && !line.StartsWith("using ", StringComparison.Ordinal))
            .SkipWhile(string.IsNullOrWhiteSpace);
        Assert.Equal(Dedent(test), Dedent(readme));
    }

    private static string[] Between(IEnumerable<string> lines, string begin, string end) =>
        lines.SkipWhile(l => !l.Contains(begin, StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.Contains(end, StringComparison.Ordinal)).ToArray();

    private static string[] Dedent(IEnumerable<string> lines)
    {
        var all = lines.Select(l => l.TrimEnd()).ToArray();
        var indent = all.Where(l => l.Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return all.Select(l => l.Length == 0 ? l : l[indent..]).ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Workbench.sln not found above " + AppContext.BaseDirectory);
    }
}
