using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Logging;
using Workbench.Contracts;
using Workbench.Engine.Diagnostics;
using Workbench.Engine.Specs;

namespace Workbench.Plugins;

/// <summary>Loads one plugin folder <c>&lt;dir&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c> into its own load context
/// (unloadable unless <see cref="PluginCatalogOptions.Unloadable"/> is off) and instantiates its factories.
/// Never throws for a broken plugin: it returns a failed entry instead.</summary>
internal static class PluginFolderLoader
{
    /// <summary>AppContext data key prefix under which each loaded plugin's folder is published (see docs/plugins.md).</summary>
    public const string PluginFolderKeyPrefix = "Workbench.PluginFolder.";

    /// <param name="earlier">What the plugin index remembers of this folder, or null: its manifest is used when the
    /// dll's hash is the one it remembers.</param>
    public static LoadedPlugin Load(string directory, int directoryIndex, string folder, PluginCatalogOptions options, PluginEntry? earlier = null)
    {
        var started = Stopwatch.GetTimestamp();
        var log = WorkbenchLog.For<PluginCatalog>();
        var folderPath = Path.Combine(directory, folder);
        var fingerprint = FolderFingerprint.Of(folderPath);
        var entry = new PluginEntry(folder, directory, Path.Combine(folderPath, folder + ".dll"), PluginStatus.Failed, null, null, "", []);
        PluginLoadContext? loader = null;
        try
        {
            if (!File.Exists(entry.AssemblyPath))
            {
                entry = entry with { AssemblyPath = PluginAssemblyFinder.TheOnlyPluginIn(folderPath, folder) };
            }

            var image = File.ReadAllBytes(entry.AssemblyPath);
            var fileName = Path.GetFileName(entry.AssemblyPath);
            entry = entry with { Sha256 = Convert.ToHexStringLower(Sha256.HashData(image)), FolderSha256 = PluginFolderHash.Of(folderPath, (Path.GetFullPath(entry.AssemblyPath), image)) };
            log.LogTrace("  {Folder}: read and hashed at {Milliseconds:F0} ms", folder, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var manifest = PluginManifest.Remembered(earlier, entry.Sha256) ?? PluginManifest.Read(image, fileName);
            if (!manifest.IsPlugin)
            {
                throw new PluginLoadException($"{fileName} has no [assembly: WorkbenchPlugin] attribute, so it is not a Workbench plugin");
            }

            entry = entry with { Metadata = new PluginMetadata(manifest.Id, manifest.Version, manifest.Description, manifest.Authors, manifest.ContractVersion) };
            if (manifest.ContractVersion != WorkbenchContract.Version)
            {
                throw new PluginLoadException($"built against contract {manifest.ContractVersion}, host has {WorkbenchContract.Version}");
            }

            if (string.IsNullOrWhiteSpace(manifest.Id))
            {
                throw new PluginLoadException("the WorkbenchPlugin attribute has an empty id");
            }

            // Plugins load from memory or from a cached copy, so Assembly.Location never names the folder; a plugin
            // that reads files next to it (data, a model) finds its folder here. A host convention rather than a contract member: no version bump.
            AppContext.SetData(PluginFolderKeyPrefix + Path.GetFileNameWithoutExtension(entry.AssemblyPath), folderPath);
            loader = PluginLoadContext.Create(entry.AssemblyPath, options.SharedTypes, options.Unloadable);
            var cachedCopy = options.Unloadable || options.AssemblyCache is null
                ? null
                : PluginAssemblyCache.Place(options.AssemblyCache, entry.Sha256, entry.AssemblyPath, image);
            var assembly = loader.LoadMain(image, entry.AssemblyPath, cachedCopy);
            log.LogTrace("  {Folder}: assembly loaded at {Milliseconds:F0} ms", folder, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (PreloadDependencies(loader, assembly) is { } missing)
            {
                throw new PluginLoadException(missing);
            }

            log.LogTrace("  {Folder}: dependencies loaded at {Milliseconds:F0} ms", folder, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var components = FactoryDiscovery.Discover(assembly);
            entry = entry with { Status = PluginStatus.Loaded, Provides = components.Select(c => new ProvidedComponent(c.Kind.Name, c.Id)).ToArray() };
            log.LogTrace("plugin folder {Folder} loaded in {Milliseconds:F0} ms", folderPath, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new LoadedPlugin(entry, directoryIndex, fingerprint, components, loader);
        }
        catch (Exception e)
        {
            loader?.Dispose();
            // The one-line reason lands in the entry (wb plugins list); the exception and its trace in the log.
            log.LogDebug(e, "plugin folder {Folder} failed to load", folderPath);
            var reason = e is PluginLoadException ? e.Message : $"could not be loaded: {e.GetType().Name}: {e.Message}";
            return new LoadedPlugin(entry.AsFailed(OneLine(reason)), directoryIndex, fingerprint, [], null);
        }
    }

    /// <summary>Loads every assembly the plugin references, transitively through its own dependencies, and returns
    /// why the first one that does not resolve failed (null when all resolve).</summary>
    /// <remarks>Why now rather than on first use: a plugin with a missing dependency would otherwise be listed as
    /// loaded and fail only when a run starts. And a load context refuses new loads once unloading has started, so
    /// a run still holding a replaced plugin's factory would fail the first time it touched a dependency not loaded
    /// yet; loading them up front makes "unloading is cooperative" hold for everything referenced statically.</remarks>
    private static string? PreloadDependencies(PluginLoadContext loader, Assembly main)
    {
        var context = AssemblyLoadContext.GetLoadContext(main);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { main.GetName().Name ?? "" };
        var pending = new Queue<Assembly>([main]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || !seen.Add(reference.Name))
                {
                    continue;
                }

                try
                {
                    var dependency = loader.Load(reference);
                    if (AssemblyLoadContext.GetLoadContext(dependency) == context)
                    {
                        pending.Enqueue(dependency);
                    }
                }
                catch (FileNotFoundException)
                {
                    var by = assembly == main ? "" : $" (used by {assembly.GetName().Name})";
                    return $"missing dependency {reference.Name} {reference.Version}{by}: it is neither in the plugin's folder nor shared by the host";
                }
                catch (Exception e) when (e is FileLoadException or BadImageFormatException)
                {
                    return $"dependency {reference.Name} {reference.Version} does not load: {e.Message}";
                }
            }
        }

        return null;
    }

    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
