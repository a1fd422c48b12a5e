using System.Reflection;
using Workbench.Contracts;
using Workbench.Engine.Catalog;

namespace Workbench.Plugins.Tests;

/// <summary>The dependency rules of ARCHITECTURE.md, checked on the compiled assemblies.</summary>
public sealed class DependencyRuleTests
{
    [Fact]
    public void The_contract_references_only_the_base_class_library()
    {
        var references = References(typeof(WorkbenchContract).Assembly);

        Assert.All(references, name => Assert.True(
            name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard" || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal),
            $"Workbench.Contracts references {name}"));
    }

    [Fact]
    public void The_engine_references_no_ui_storage_network_gpu_or_plugin_loader()
    {
        string[] forbidden = ["Terminal.Gui", "Grpc", "Google.Protobuf", "Microsoft.AspNetCore", "LiteDB", "ILGPU", "McMaster"];
        var references = References(typeof(IComponentCatalog).Assembly);

        Assert.Contains("Workbench.Contracts", references);
        Assert.All(references, name => Assert.DoesNotContain(forbidden, f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }

    private static string[] References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
}
