namespace Workbench.Engine.Catalog;

/// <summary>Where a factory came from: recorded with every run so it can be traced to the exact plugin build.</summary>
public sealed record ComponentOrigin(string PluginId, string PluginVersion, string AssemblySha256, string Folder)
{
    /// <summary>SHA-256 of the whole plugin folder (every file's relative path and bytes), the identity under which
    /// the folder travels to peers; empty for in-process components.</summary>
    public string FolderSha256 { get; init; } = "";

    /// <summary>For factories compiled into the host or a script rather than loaded from a plugin folder.</summary>
    public static ComponentOrigin InProcess(string id) => new(id, "in-process", "", "");
}

/// <summary>A factory together with its origin.</summary>
public sealed record Registered<TFactory>(TFactory Factory, ComponentOrigin Origin)
    where TFactory : class;
