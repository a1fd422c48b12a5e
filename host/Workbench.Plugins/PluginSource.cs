using System.IO.Compression;
using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;

namespace Workbench.Plugins;

/// <summary>Finds the built plugin in what a user points <c>wb plugins install</c> at: a plugin folder, a project
/// or solution folder that has been built, or a <c>.nupkg</c>. Builds nothing.</summary>
internal static class PluginSource
{
    /// <summary>The folder holding the plugin dll and its dependencies, and that dll's name without extension.</summary>
    /// <param name="scratch">An empty directory where a package may be unpacked.</param>
    /// <exception cref="PluginInstallException">Nothing built, or several different plugins.</exception>
    public static (string Folder, string Name) Locate(string path, string scratch)
    {
        if (File.Exists(path) && path.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase))
        {
            var unpacked = Path.Combine(scratch, "package");
            try
            {
                ZipFile.ExtractToDirectory(path, unpacked);
            }
            catch (InvalidDataException e)
            {
                throw new PluginInstallException($"{path} is not a readable .nupkg ({PluginFolderLoader.OneLine(e.Message)})");
            }

            return Locate(unpacked, requireDeps: false, shown: path);
        }

        if (File.Exists(path))
        {
            throw new PluginInstallException($"{path} is a file; give a plugin folder, a built project folder or a .nupkg");
        }

        if (!Directory.Exists(path))
        {
            throw new PluginInstallException($"{path} does not exist");
        }

        return Locate(path, requireDeps: true, shown: path);
    }

    /// <param name="requireDeps">In build output, a plugin's own folder has its <c>X.deps.json</c>; a test project's
    /// output also holds a copy of <c>X.dll</c> but not that file, which tells the two apart.</param>
    private static (string Folder, string Name) Locate(string root, bool requireDeps, string shown)
    {
        var candidates = Dlls(root)
            .Where(dll => !requireDeps || File.Exists(Path.ChangeExtension(dll, ".deps.json")) || IsPlainPluginFolder(dll))
            .Where(IsPlugin)
            .ToArray();
        if (candidates.Length == 0)
        {
            throw new PluginInstallException(
                $"no built Workbench plugin in {shown} (no dll with [assembly: WorkbenchPlugin]); build it first, for example with dotnet build or dotnet test");
        }

        var names = candidates.Select(Path.GetFileNameWithoutExtension).Distinct(StringComparer.Ordinal).ToArray();
        if (names.Length > 1)
        {
            throw new PluginInstallException($"{shown} holds several plugins ({string.Join(", ", names!)}); install them one at a time");
        }

        // Debug and Release outputs of one plugin: the newest build is the one the user just made.
        var newest = candidates.OrderByDescending(File.GetLastWriteTimeUtc).First();
        return (Path.GetDirectoryName(newest)!, names[0]!);
    }

    /// <summary>A folder copied out of a plugins directory, where the dll sits beside nothing but its dependencies.</summary>
    private static bool IsPlainPluginFolder(string dll) =>
        string.Equals(Path.GetFileName(Path.GetDirectoryName(dll)), Path.GetFileNameWithoutExtension(dll), StringComparison.Ordinal);

    private static IEnumerable<string> Dlls(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        // obj/ holds intermediate copies of the dll without its dependencies: never an install source.
        return Directory.EnumerateFiles(root, "*.dll", options)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Contains("obj"));
    }

    private static bool IsPlugin(string dll)
    {
        try
        {
            return PluginManifest.Read(File.ReadAllBytes(dll), Path.GetFileName(dll)).IsPlugin;
        }
        catch (Exception e) when (e is PluginLoadException or IOException or UnauthorizedAccessException)
        {
            // Not a plugin dll, which the caller's message says; why not (unreadable, not an assembly) is logged.
            var logger = WorkbenchLog.For<PluginCatalog>();
            logger.LogDebug(e, "{Dll} is not taken as a plugin assembly", dll);
            return false;
        }
    }
}

/// <summary><c>wb plugins install</c> or <c>remove</c> refused; the message is the one-line reason.</summary>
public sealed class PluginInstallException(string message) : Exception(message);
