using System.Text.RegularExpressions;
using Workbench.Conformance;
using Xunit;

namespace Workbench.Cli.Tests;

/// <summary>The C# in docs/plugins.md is the template's code, which the out-of-tree test compiles and runs; this
/// keeps the two from drifting (README's C# API example has its own test in Workbench.Api.Tests).</summary>
public sealed partial class DocSnippetTests
{
    [Fact]
    public void The_guides_worked_example_is_the_wb_problem_templates_code_line_for_line()
    {
        var guide = File.ReadAllText(Path.Combine(WbProcess.RepoRoot, "docs", "plugins.md"));
        var template = File.ReadAllText(Path.Combine(WbProcess.RepoRoot, "templates", "content", "wb-problem", "DecayFit", "DecayProblem.cs"));
        var snippet = CSharpBlocks().Matches(guide).Select(m => m.Groups[1].Value).Single(b => b.Contains("class DecayFitFactory", StringComparison.Ordinal));

        var templateLines = CodeLines(template).ToList();
        var position = 0;
        foreach (var line in CodeLines(snippet))
        {
            var found = templateLines.IndexOf(line, position);
            Assert.True(found >= 0, $"docs/plugins.md has a line the template lacks (or out of order): {line}");
            position = found + 1;
        }
    }

    [Fact]
    public void The_kit_calls_in_the_guide_name_types_the_templates_define()
    {
        var guide = File.ReadAllText(Path.Combine(WbProcess.RepoRoot, "docs", "plugins.md"));
        var templates = Directory.EnumerateFiles(Path.Combine(WbProcess.RepoRoot, "templates", "content"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();
        foreach (Match call in KitCall().Matches(guide))
        {
            Assert.Contains(templates, t => t.Contains($"{call.Groups[1].Value}.Check(new {call.Groups[2].Value}()", StringComparison.Ordinal));
        }
    }

    /// <summary>Trimmed code lines, without blanks and comments (the guide's comments are written for the guide).</summary>
    private static IEnumerable<string> CodeLines(string code) =>
        code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal));

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();

    [GeneratedRegex(@"(\w+Conformance)\.Check\(new (\w+)\(\)")]
    private static partial Regex KitCall();
}
