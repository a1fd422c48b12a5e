namespace Workbench.Engine.Specs;

/// <summary>Finds the folder of a loaded plugin by its hash, so a client can ship it to a peer that lacks it.</summary>
public interface IPluginFolderSource
{
    /// <summary>The full path of the plugin folder with that hash, or null when none is loaded here.</summary>
    string? FolderOf(string folderSha256);
}
