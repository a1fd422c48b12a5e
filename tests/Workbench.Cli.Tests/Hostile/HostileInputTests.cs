using System.Collections.Concurrent;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests.Hostile;

/// <summary>Every case of <see cref="HostileCases"/> against the real <c>wb</c>: its exit code, exactly one line on
/// stderr and no stack trace, and a store (two earlier runs) byte-for-byte as it was. The cases run in parallel,
/// each in a folder of its own, so the whole table costs a few wb start-ups per core.</summary>
[Trait("kind", "process")]
public sealed class HostileInputTests(HostileStore store) : IClassFixture<HostileStore>
{
    [Fact]
    public void The_table_holds_at_least_150_cases() => Assert.True(HostileCases.All().Count() >= 150, $"{HostileCases.All().Count()} cases");

    [Fact]
    public async Task Every_hostile_input_gets_its_exit_code_one_line_and_leaves_the_store_unchanged()
    {
        var failures = new ConcurrentBag<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount * 2) };
        await Parallel.ForEachAsync(HostileCases.All(), options, async (c, _) =>
        {
            if (await CheckAsync(c) is string failure)
            {
                failures.Add($"{c.Name}: {failure}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} case(s) failed:\n{string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal))}");
    }

    private async Task<string?> CheckAsync(HostileCase c)
    {
        var folder = store.NewCaseFolder();
        try
        {
            var args = c.Args.Select(a => folder.Fill(a)).ToArray();
            var result = await WbProcess.RunAsync(args, folder.Path, TimeSpan.FromSeconds(60),
                new Dictionary<string, string> { ["WORKBENCH_DB"] = folder.Db });
            var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (result.StdErr.Contains("   at ", StringComparison.Ordinal) || result.StdOut.Contains("   at ", StringComparison.Ordinal))
            {
                return $"stack trace: {result.StdErr}";
            }

            if (result.ExitCode != c.ExitCode)
            {
                return $"exit {result.ExitCode}, expected {c.ExitCode}; stderr: {result.StdErr.Trim()}";
            }

            if (c.Report ? result.StdOut.Length == 0 : lines.Length != 1 || !lines[0].StartsWith("wb: ", StringComparison.Ordinal))
            {
                return $"expected one 'wb: ' line on stderr, got {lines.Length}: {result.StdErr.Trim()}";
            }

            // Byte for byte, or else (a task whose plan fails is recorded as failed) every earlier run intact.
            return store.Unchanged(folder) || await store.EarlierRunsIntactAsync(folder) ? null : "the store changed and lost earlier runs";
        }
        finally
        {
            folder.Delete();
        }
    }
}
