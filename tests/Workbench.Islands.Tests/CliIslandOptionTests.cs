using Workbench.Cli;
using Xunit;

namespace Workbench.Islands.Tests;

/// <summary>`wb run` island options, run in process. Console redirection is process-wide, so these tests share a
/// collection that runs alone.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CliIslandOptionTests
{
    [Theory]
    [InlineData("--islands 0", "wb: --islands must be at least 1, got 0")]
    [InlineData("--islands 4 --migration-interval -1", "wb: --migration-interval must be at least 1, got -1")]
    [InlineData("--islands 4 --migration-rate 2", "wb: --migration-rate must be in [0, 1], got 2")]
    [InlineData("--islands 4 --topology star", "wb: --topology 'star' is invalid: expected ring or fully-connected")]
    public async Task Bad_island_options_exit_2_with_one_clear_line(string islandArgs, string expected)
    {
        var args = "run -a ga -p sphere -d 3 --max-iters 2 ".Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat(islandArgs.Split(' ')).ToArray();
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(ExitCodes.Usage, await WbApp.RunAsync(args));
        }
        finally
        {
            Console.SetError(saved);
        }

        Assert.Equal(expected, error.ToString().Trim());
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
