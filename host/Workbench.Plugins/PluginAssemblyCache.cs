using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;

namespace Workbench.Plugins;

/// <summary>Content-addressed copies of plugin assemblies, <c>CACHE/&lt;sha256&gt;/&lt;Name&gt;.dll</c> (with its pdb),
/// for catalogs whose plugins are never unloaded.</summary>
/// <remarks>Why a copy: the runtime uses a plugin's precompiled (ReadyToRun) code only when the assembly is loaded
/// from a file into a load context that cannot be unloaded; from memory, or in an unloadable context, every method is
/// compiled by the JIT, which was most of a short <c>wb run</c>. Loading the plugin's own file would map it, and
/// overwriting that file while wb runs would then corrupt the running code; the copy is written once under the hash
/// of the very bytes that were read, checked against them before every use, and never changed in place, so the plugin
/// folder stays free to be replaced or overwritten at any time.</remarks>
internal static class PluginAssemblyCache
{
    /// <summary>Copies kept per assembly file name: a developer rebuilding a plugin adds one per build, and older ones
    /// are deleted beyond this (a running process keeps a deleted copy it mapped; one about to load it falls back to
    /// memory).</summary>
    private const int KeptPerName = 4;

    /// <summary>The path of a cached copy holding exactly <paramref name="image"/>, written if needed, or null when the
    /// cache cannot be used (a read-only or full disk): the caller then loads from memory.</summary>
    public static string? Place(string cacheDirectory, string sha256, string assemblyPath, byte[] image)
    {
        var fileName = Path.GetFileName(assemblyPath);
        var folder = Path.Combine(cacheDirectory, sha256);
        var cached = Path.Combine(folder, fileName);
        try
        {
            if (Holds(cached, image))
            {
                return cached;
            }

            Directory.CreateDirectory(folder);
            var pdb = Path.ChangeExtension(assemblyPath, ".pdb");
            if (File.Exists(pdb))
            {
                WriteWhole(Path.ChangeExtension(cached, ".pdb"), File.ReadAllBytes(pdb));
            }

            WriteWhole(cached, image);
            Prune(cacheDirectory, fileName, folder);
            return Holds(cached, image) ? cached : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WorkbenchLog.For<PluginCatalog>().LogDebug(e, "plugin assembly cache {Cache} not used for {File}", cacheDirectory, fileName);
            return null;
        }
    }

    private static bool Holds(string path, byte[] image)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == image.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(image);
    }

    /// <summary>Written beside and renamed over: a reader sees the old file or the whole new one, never a part, and a
    /// process that mapped the old one keeps it.</summary>
    private static void WriteWhole(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Prune(string cacheDirectory, string fileName, string keep)
    {
        var stale = new DirectoryInfo(cacheDirectory).EnumerateDirectories()
            .Where(d => d.FullName != keep && File.Exists(Path.Combine(d.FullName, fileName)))
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(KeptPerName - 1);
        foreach (var folder in stale)
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process may be writing it; the next copy of this name tries again.
            }
        }
    }
}
