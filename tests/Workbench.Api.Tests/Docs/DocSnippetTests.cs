using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Workbench.Conformance;
using Workbench.Engine.Campaigns;
using Workbench.Plugins;
using Workbench.Reporting.Campaigns;
using Xunit;

namespace Workbench.Api.Tests.Docs;

/// <summary>Every fenced block of every markdown file is either checked or visibly exempted.</summary>
/// <remarks>
/// Each fence names its language. Blocks in <see cref="Unchecked"/> languages (shell commands, plain-text layouts)
/// are read by people only. A block in a <see cref="Checked"/> language carries, in the HTML comments right above
/// its fence, <c>&lt;!-- snippet: KIND ARGS --&gt;</c>:
/// <list type="bullet">
/// <item><c>script</c>: C# top-level statements, compiled as <c>dotnet run fit.cs</c> with the Workbench.Api package;</item>
/// <item><c>test TEMPLATE...</c>: a C# test file, compiled against the conformance kit, xUnit and the plugin code of
/// the named templates (templates/content/NAME);</item>
/// <item><c>template-file PATH</c>: a template's file shown whole; it must equal the file, which
/// <see cref="Each_template_compiles_with_its_tests"/> compiles;</item>
/// <item><c>nuget-config</c>: XML shaped as a nuget.config (the out-of-tree SDK test also restores with it);</item>
/// <item><c>campaign</c>: YAML or JSON read and expanded as <c>wb campaign run</c> does, naming built-in plugins only;</item>
/// <item><c>skip REASON</c>: not checked, and the reason says why.</item>
/// </list>
/// A new block without a marker, or in a language not listed, fails <see cref="Every_block_has_a_language_and_every_checked_one_a_marker"/>.
/// </remarks>
public sealed class DocSnippetTests
{
    private static readonly string[] Checked = ["csharp", "cs", "xml", "json", "yaml", "yml"];
    private static readonly string[] Unchecked = ["sh", "text"];

    private static readonly Lazy<IReadOnlyList<DocBlock>> Blocks = new(() => DocBlock.All(WbProcess.RepoRoot));

    public static TheoryData<string> CheckedBlocks() => new(Blocks.Value.Where(b => Checked.Contains(b.Language)).Select(b => b.Id));

    public static TheoryData<string> Templates() =>
        new(Directory.EnumerateDirectories(Path.Combine(WbProcess.RepoRoot, "templates", "content")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    [Trait("kind", "unit")]
    public void Every_block_has_a_language_and_every_checked_one_a_marker()
    {
        var blocks = Blocks.Value;
        Assert.Contains(blocks, b => b.File == "README.md");
        Assert.Contains(blocks, b => b.File == "docs/plugins.md");
        var wrong = blocks.Where(b => !Unchecked.Contains(b.Language) && !Checked.Contains(b.Language))
            .Select(b => $"{b.Id}: language '{b.Language}' is neither checked ({string.Join(", ", Checked)}) nor unchecked ({string.Join(", ", Unchecked)})")
            .Concat(blocks.Where(b => Checked.Contains(b.Language) && b.Kind is null)
                .Select(b => $"{b.Id}: a {b.Language} block needs <!-- snippet: KIND --> right above its fence (see DocSnippetTests)"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [Trait("kind", "unit")]
    [MemberData(nameof(CheckedBlocks))]
    public void Each_checked_block_compiles_or_parses(string id)
    {
        var block = Blocks.Value.Single(b => b.Id == id);
        switch (block.Kind)
        {
            case "script":
                AssertLanguage(block, "csharp", "cs");
                SnippetCompiler.Compile(Name(block), [(block.Id, block.Code)], SnippetCompiler.Package("Workbench.Api"), program: true);
                break;
            case "test":
                AssertLanguage(block, "csharp", "cs");
                var templates = block.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => CompilePlugin(t).Reference);
                SnippetCompiler.Compile(Name(block), [(block.Id, block.Code)], TestReferences().Concat(templates));
                break;
            case "template-file":
                Assert.StartsWith("templates/content/", block.Arguments, StringComparison.Ordinal);
                var file = File.ReadAllText(Path.Combine(WbProcess.RepoRoot, block.Arguments));
                Assert.True(Normalise(file) == Normalise(block.Code), $"{block.Id} differs from {block.Arguments}: show the file as it is");
                break;
            case "nuget-config":
                AssertLanguage(block, "xml");
                AssertNugetConfig(block);
                break;
            case "campaign":
                AssertLanguage(block, "yaml", "yml", "json");
                AssertCampaign(block);
                break;
            case "skip":
                Assert.False(string.IsNullOrWhiteSpace(block.Arguments), $"{block.Id}: <!-- snippet: skip --> needs a reason");
                break;
            case null:
                Assert.Fail($"{block.Id}: no <!-- snippet: KIND --> right above the fence");
                break;
            default:
                Assert.Fail($"{block.Id}: unknown snippet kind '{block.Kind}'");
                break;
        }
    }

    [Theory]
    [Trait("kind", "unit")]
    [MemberData(nameof(Templates))]
    public void Each_template_compiles_with_its_tests(string template)
    {
        var (name, plugin) = CompilePlugin(template);
        var tests = Path.Combine(WbProcess.RepoRoot, "templates", "content", template, name + ".Tests");
        Assert.True(Directory.Exists(tests), $"template {template} has no {name}.Tests project");
        Assert.Contains("<PackageReference Include=\"Workbench.Conformance\"", File.ReadAllText(Path.Combine(tests, name + ".Tests.csproj")), StringComparison.Ordinal);
        SnippetCompiler.Compile(name + ".Tests", Sources(tests), TestReferences().Append(plugin));
    }

    /// <summary>A template's plugin project (the folder beside its .Tests), compiled against the contract alone, as
    /// the template's csproj does.</summary>
    private static (string Name, MetadataReference Reference) CompilePlugin(string template)
    {
        var folder = Path.Combine(WbProcess.RepoRoot, "templates", "content", template);
        var project = Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Single(p => !p.EndsWith(".Tests.csproj", StringComparison.Ordinal));
        var name = Path.GetFileNameWithoutExtension(project);
        return (name, SnippetCompiler.Compile(name, Sources(Path.GetDirectoryName(project)!), SnippetCompiler.Package("Workbench.Contracts")));
    }

    private static IEnumerable<MetadataReference> TestReferences() =>
        SnippetCompiler.Package("Workbench.Contracts", "Workbench.Conformance", "xunit.core", "xunit.assert");

    private static IEnumerable<(string Name, string Text)> Sources(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(WbProcess.RepoRoot, p), File.ReadAllText(p)));

    /// <summary>The shape NuGet reads: a configuration root whose packageSources hold adds with a key and a value
    /// (DIR stands for the published wb's folder). The out-of-tree test restores with the guide's block itself.</summary>
    private static void AssertNugetConfig(DocBlock block)
    {
        var root = XDocument.Parse(block.Code).Root!;
        Assert.Equal("configuration", root.Name.LocalName);
        var sources = root.Element("packageSources")?.Elements("add").ToList() ?? [];
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.False(string.IsNullOrEmpty((string?)s.Attribute("key")) || string.IsNullOrEmpty((string?)s.Attribute("value")), $"{block.Id}: {s}"));
    }

    /// <summary>Read as <c>wb campaign run</c> reads it, expanded into runs, and naming only built-in ids.</summary>
    private static void AssertCampaign(DocBlock block)
    {
        var campaign = CampaignFile.Parse(block.Code, json: block.Language == "json", block.Id);
        Assert.NotEmpty(CampaignPlan.Expand(campaign));
        var catalog = BuiltIn.Value;
        var unknown = campaign.Algorithms.Select(a => a.Id).Where(id => !catalog.Optimizers.Any(o => Same(o.Factory.Id, id)))
            .Concat(campaign.Problems.Where(id => !catalog.Problems.Any(p => Same(p.Factory.Id, id))))
            .ToList();
        Assert.True(unknown.Count == 0, $"{block.Id}: no built-in plugin has {string.Join(", ", unknown)}");
    }

    /// <summary>The built-in plugins, from the plugins/ folder the API's build copies next to this test.</summary>
    private static readonly Lazy<PluginCatalog> BuiltIn = new(() =>
    {
        var catalog = new PluginCatalog(PluginCatalogOptions.Standard([Path.Combine(AppContext.BaseDirectory, "plugins")]) with
        {
            Watch = false,
            // As wb shares them: the built-in problems' kernels reference the GPU contract and ILGPU.
            SharedTypes = [typeof(Gpu.Contracts.IGpuProblem), typeof(ILGPU.Context)],
        });
        catalog.Load();
        return catalog;
    });

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static void AssertLanguage(DocBlock block, params string[] languages) =>
        Assert.True(languages.Contains(block.Language), $"{block.Id}: a '{block.Kind}' snippet must be {string.Join(" or ", languages)}, not {block.Language}");

    private static string Name(DocBlock block) => "Snippet_" + block.File.Replace('/', '_').Replace('.', '_') + "_" + block.Line;

    private static string Normalise(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
