using System.Reflection;
using Microsoft.Extensions.Logging;
using Workbench.Contracts;
using Workbench.Engine.Diagnostics;

namespace Workbench.Plugins;

/// <summary>What the last full scan learnt about each plugin folder (its entry as loaded alone, before duplicate
/// checks), keyed by folder path and fingerprint, so a one-shot command that needs two ids loads two folders.</summary>
/// <remarks>
/// Why an index and not folder names: ids are declared inside the dll (Benchmarks provides sphere), and the
/// duplicate-id rules need every folder's ids, which only loading reveals. A folder whose files changed
/// (<see cref="FolderFingerprint"/>) is loaded again; an index written by another build of the host (its
/// assemblies' MVIDs, the runtime) is ignored whole. The index is a cache: unreadable or unwritable, the catalog
/// simply loads every folder, as it did without one.
/// </remarks>
internal static class PluginIndex
{
    public static Dictionary<string, (string Fingerprint, PluginEntry Entry)> Read(string path, string hostKey)
    {
        var items = new Dictionary<string, (string, PluginEntry)>(StringComparer.Ordinal);
        try
        {
            var file = PluginIndexText.Parse(File.ReadAllText(path));
            if (file?.Host != hostKey)
            {
                return items;
            }

            foreach (var item in file.Plugins)
            {
                items[item.Entry.FolderPath] = (item.Fingerprint, item.Entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            var logger = WorkbenchLog.For<PluginCatalog>();
            logger.LogDebug(e, "plugin index {Path} not used; every plugin folder is loaded", path);
            // No index, or a damaged one: every folder is loaded, and the index is written afresh.
        }

        return items;
    }

    /// <summary>Replaces the index atomically (a temp file renamed over it), so concurrent commands never read half
    /// of one. Returns why it could not be written, or null.</summary>
    public static string? Write(string path, string hostKey, IEnumerable<(string Fingerprint, PluginEntry Entry)> plugins)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var file = new IndexFile(hostKey, plugins.Select(p => new IndexItem(p.Fingerprint, p.Entry)).ToArray());
            File.WriteAllText(temp, PluginIndexText.Write(file));

            File.Move(temp, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception deleteError) when (deleteError is IOException or UnauthorizedAccessException)
            {
                var logger = WorkbenchLog.For<PluginCatalog>();
                logger.LogDebug(deleteError, "temporary plugin index {Path} left behind", temp);
                // Nothing more to do: the temp file's name is ours alone and a later write replaces it.
            }

            return PluginFolderLoader.OneLine(e.Message);
        }
    }

    /// <summary>This build of the host: the catalog's, the contract's and each shared type's assembly, and the runtime.
    /// A plugin that loaded (or failed) under one build may not under another.</summary>
    public static string HostKey(IEnumerable<Type> sharedTypes) => string.Join(
        ";",
        new[] { typeof(PluginIndex), typeof(WorkbenchPluginAttribute) }.Concat(sharedTypes)
            .Select(t => t.Assembly).Distinct().Select(Identity).Append(Environment.Version.ToString()));

    private static string Identity(Assembly assembly) => $"{assembly.GetName().Name}:{assembly.ManifestModule.ModuleVersionId}";

    internal sealed record IndexFile(string Host, IReadOnlyList<IndexItem> Plugins);

    internal sealed record IndexItem(string Fingerprint, PluginEntry Entry);
}
