using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;
namespace Workbench.Plugins;

/// <summary>What <see cref="PluginInstaller.Install"/> did, for the user to read.</summary>
/// <param name="Replaced">The version that was in the target folder before, or null.</param>
public sealed record InstallReport(PluginEntry Plugin, string Source, string Target, int Files, string? Replaced);

/// <summary>Installs a built plugin into the user's plugin folder after checking that it would load there, and
/// removes installed plugins. Builds nothing.</summary>
public static class PluginInstaller
{
    /// <summary>Validates the plugin found at <paramref name="source"/> (it loads, every dependency resolves, its
    /// contract version is the host's, its ids are free in <paramref name="host"/>), then copies it to
    /// <c>userDirectory/&lt;Name&gt;/</c>, replacing an earlier install of the same folder.</summary>
    /// <exception cref="PluginInstallException">Why it was not installed; nothing was written.</exception>
    public static InstallReport Install(string source, string userDirectory, PluginCatalog host)
    {
        var scratch = Directory.CreateTempSubdirectory("wb-install-").FullName;
        try
        {
            var (folder, name) = PluginSource.Locate(Path.GetFullPath(source), scratch);
            var staging = Path.Combine(scratch, "staging");
            var staged = Path.Combine(staging, name);
            var files = CopyTree(folder, staged);
            var plugin = Validate(staging, host);
            var target = Path.Combine(Path.GetFullPath(userDirectory), name);
            CheckIdsFree(plugin, host, target);
            var replaced = host.Plugins.FirstOrDefault(p => p.FolderPath == target)?.Metadata?.Version;
            MoveIntoPlace(staged, target);
            return new InstallReport(plugin with { Directory = Path.GetFullPath(userDirectory) }, folder, target, files, replaced);
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    /// <summary>Deletes the folder of the plugin with <paramref name="id"/> from <paramref name="userDirectory"/>.</summary>
    /// <exception cref="PluginInstallException">No installed plugin has that id, or it lives elsewhere.</exception>
    public static PluginEntry Remove(string id, string userDirectory, PluginCatalog host)
    {
        var user = Path.TrimEndingDirectorySeparator(Path.GetFullPath(userDirectory));
        var matches = host.Plugins.Where(p => string.Equals(p.Metadata?.Id, id, StringComparison.OrdinalIgnoreCase)).ToArray();
        var installed = matches.FirstOrDefault(p => string.Equals(p.Directory, user, StringComparison.Ordinal));
        if (installed is null)
        {
            throw new PluginInstallException(matches.Length > 0
                ? $"plugin '{id}' is in {matches[0].FolderPath}, not in the user's plugin folder {user}; only installed plugins are removed"
                : $"no installed plugin has id '{id}' in {user}" + Listing(host, user));
        }

        Directory.Delete(installed.FolderPath, recursive: true);
        return installed;
    }

    private static string Listing(PluginCatalog host, string user)
    {
        var ids = host.Plugins.Where(p => p.Directory == user).Select(p => p.Metadata?.Id ?? p.Folder).ToArray();
        return ids.Length == 0 ? "; none are installed" : $"; installed: {string.Join(", ", ids)}";
    }

    /// <summary>Loads the staged copy exactly as the host would: its own load context, the host's shared types.</summary>
    private static PluginEntry Validate(string staging, PluginCatalog host)
    {
        using var trial = new PluginCatalog(new PluginCatalogOptions { Directories = [staging], Watch = false, SharedTypes = host.SharedTypes });
        trial.Load();
        var entry = trial.Plugins.Single();
        return entry.Status == PluginStatus.Loaded
            ? entry
            : throw new PluginInstallException($"{entry.Folder} would not load, so it was not installed: {entry.FailureReason}");
    }

    /// <summary>A plugin's ids must be free: the catalog would refuse a duplicate anyway, but only after the copy,
    /// leaving a folder that never loads. The plugin being replaced does not count.</summary>
    private static void CheckIdsFree(PluginEntry plugin, PluginCatalog host, string target)
    {
        foreach (var owner in host.Plugins.Where(p => p.Status == PluginStatus.Loaded && p.FolderPath != target))
        {
            if (string.Equals(owner.Metadata!.Id, plugin.Metadata!.Id, StringComparison.OrdinalIgnoreCase))
            {
                throw new PluginInstallException($"plugin id '{plugin.Metadata.Id}' is already taken by the plugin in {owner.FolderPath}");
            }

            var clash = plugin.Provides.FirstOrDefault(c => owner.Provides.Any(o => o.Kind == c.Kind && string.Equals(o.Id, c.Id, StringComparison.OrdinalIgnoreCase)));
            if (clash is not null)
            {
                throw new PluginInstallException($"{clash.Kind} id '{clash.Id}' is already provided by plugin {owner.Metadata.Id} in {owner.FolderPath}");
            }
        }
    }

    /// <summary>Copies next to the target and renames, so a watching catalog sees the folder appear complete.</summary>
    private static void MoveIntoPlace(string staged, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var incoming = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".incoming");
        TryDelete(incoming);
        CopyTree(staged, incoming);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(incoming, target);
    }

    private static int CopyTree(string from, string to)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
            count++;
        }

        return count;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException e)
        {
            var logger = WorkbenchLog.For<PluginCatalog>();
            logger.LogDebug(e, "temporary folder {Folder} left behind", directory);
            // A temp folder left behind is harmless.
        }
    }
}
