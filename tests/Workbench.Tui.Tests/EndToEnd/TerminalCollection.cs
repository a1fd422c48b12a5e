namespace Workbench.Tui.Tests.EndToEnd;

/// <summary>Terminal tests run one at a time: each drives a whole wb process, and two at once on two shared cores
/// would only make every bounded wait slower.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TerminalCollection
{
    public const string Name = "terminal";
}
