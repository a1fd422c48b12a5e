using Workbench.Conformance;

namespace Workbench.Tui.Tests.EndToEnd;

[Trait("kind", "end-to-end")]
public sealed class NoTerminalTests
{
    [Fact]
    public async Task Wb_without_arguments_and_without_a_terminal_says_so_instead_of_drawing()
    {
        var result = await WbProcess.RunAsync([], timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("wb: the terminal UI needs a terminal; run a command instead (wb --help lists them)", result.StdErr.Trim());
    }
}
