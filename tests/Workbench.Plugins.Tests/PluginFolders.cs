using Workbench.Plugins;

namespace Workbench.Plugins.Tests;

/// <summary>A fresh temp directory of plugin folders, copied from the test plugins built beside the tests.</summary>
internal sealed class PluginFolders : IDisposable
{
    private static readonly string Built = Path.Combine(AppContext.BaseDirectory, "testplugins");

    public PluginFolders()
    {
        Root = Path.Combine(Path.GetTempPath(), "wb-plugin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Copies the built test plugin <paramref name="project"/> to <c>Root/&lt;folder&gt;</c>
    /// (the folder defaults to the project name; a later copy over an existing folder replaces its files).</summary>
    public string Add(string project, string? folder = null, string? root = null)
    {
        var source = Path.Combine(Built, project);
        Assert.True(Directory.Exists(source), $"test plugin {project} was not built to {source}");
        var target = Path.Combine(root ?? Root, folder ?? project);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        return target;
    }

    /// <summary>Writes a folder whose <c>Name.dll</c> is not a .NET assembly at all.</summary>
    public string AddGarbage(string folder)
    {
        var target = Path.Combine(Root, folder);
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, folder + ".dll"), "this is a text file, not an assembly");
        return target;
    }

    public string SubDirectory(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    public PluginCatalog Catalog(bool watch = false, params string[] directories) => new(new PluginCatalogOptions
    {
        Directories = directories.Length == 0 ? [Root] : directories,
        Watch = watch,
        Debounce = TimeSpan.FromMilliseconds(100),
    });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
