using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;
namespace Workbench.Plugins;

/// <summary>Finds the plugin assembly of a folder whose dll is not named after the folder.</summary>
/// <remarks>Why tolerate it: a folder renamed by hand (<c>MyFit-v2/MyFit.dll</c>) is an honest mistake, and when
/// exactly one dll in it is a plugin there is no doubt which to load. With none or several, the reason names
/// what was found instead of only what was missing.</remarks>
internal static class PluginAssemblyFinder
{
    /// <exception cref="PluginLoadException">No dll, or not exactly one dll with the plugin attribute.</exception>
    public static string TheOnlyPluginIn(string folderPath, string folder)
    {
        var dlls = Directory.EnumerateFiles(folderPath, "*.dll").Order(StringComparer.Ordinal).ToArray();
        if (dlls.Length == 0)
        {
            throw new PluginLoadException($"folder has no {folder}.dll (and no other dll)");
        }

        var plugins = dlls.Where(IsPlugin).ToArray();
        var names = string.Join(", ", (plugins.Length > 0 ? plugins : dlls).Select(Path.GetFileName));
        return plugins.Length switch
        {
            1 => plugins[0],
            0 => throw new PluginLoadException($"folder has no {folder}.dll, and none of its dlls ({names}) has the [assembly: WorkbenchPlugin] attribute"),
            _ => throw new PluginLoadException($"folder has no {folder}.dll but several plugin dlls ({names}); name the folder after the one to load"),
        };
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
