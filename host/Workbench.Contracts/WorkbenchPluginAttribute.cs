namespace Workbench.Contracts;

/// <summary>Marks an assembly as a Workbench plugin and carries its metadata.</summary>
/// <remarks>
/// Write <c>[assembly: WorkbenchPlugin("my-plugin", WorkbenchContract.Version, Description = "...")]</c>.
/// The contract version argument is compiled into the plugin, which is how the host detects a plugin
/// built against a different contract. The plugin's version is its assembly informational version.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class WorkbenchPluginAttribute : Attribute
{
    public WorkbenchPluginAttribute(string id, int contractVersion)
    {
        Id = id;
        ContractVersion = contractVersion;
    }

    public string Id { get; }

    public int ContractVersion { get; }

    public string Description { get; init; } = "";

    public string Authors { get; init; } = "";
}
