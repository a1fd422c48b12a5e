using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins.Loader;
using Workbench.Contracts;

namespace Workbench.Plugins;

/// <summary>One plugin's own load context: McMaster.NETCore.Plugins' context, set up as its <c>PluginLoader</c> would
/// be for a plugin here (only the contract and the host's extra types shared, dlls read into memory, native libraries
/// shadow-copied, unloadable unless the catalog never unloads), and the plugin's main assembly loaded from the very
/// bytes that were hashed, or from their cached copy (<see cref="PluginAssemblyCache"/>).</summary>
/// <remarks>Why not <c>PluginLoader</c> itself: it also looks for extra probing paths in the plugin's and in every
/// host <c>*.runtimeconfig.json</c>, reading them with the reflection-based JSON serializer and asking for the
/// process's main module, which made the first plugin folder of every <c>wb run</c> cost about 40 ms. Those files
/// name extra probing paths only for the runtime package store and for <c>runtimeconfig.dev.json</c> of old SDKs,
/// neither of which a plugin folder (which carries its dependencies) uses; dependencies resolve from the plugin's
/// <c>deps.json</c> and its folder as before.</remarks>
internal sealed class PluginLoadContext : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private bool _disposed;

    private PluginLoadContext(AssemblyLoadContext context) => _context = context;

    /// <param name="unloadable">False for a catalog that never unloads (a one-shot command): the runtime ignores
    /// precompiled code in unloadable contexts.</param>
    public static PluginLoadContext Create(string mainAssemblyPath, IReadOnlyList<Type> sharedTypes, bool unloadable)
    {
        var builder = new AssemblyLoadContextBuilder()
            .SetMainAssemblyPath(mainAssemblyPath)
            // The context the host's own assemblies live in, as PluginLoader's default does.
            .SetDefaultContext(AssemblyLoadContext.GetLoadContext(typeof(PluginLoadContext).Assembly) ?? AssemblyLoadContext.Default)
            // Not PreferDefaultLoadContext: that would hand a plugin the host's copy of any assembly the host can
            // resolve, which breaks isolation (two plugins could not use two versions of one package).
            // Read the dlls into memory so that a plugin folder can be replaced while the process runs.
            .PreloadAssembliesIntoMemory()
            .ShadowCopyNativeLibraries();
        if (unloadable)
        {
            builder.EnableUnloading();
        }

        // Only the contract is shared, plus what the host adds (the GPU contract and ILGPU), so kernels and
        // launcher see the same types; everything else resolves from the plugin's own folder first.
        foreach (var type in new[] { typeof(WorkbenchPluginAttribute) }.Concat(sharedTypes))
        {
            builder.PreferDefaultLoadContextAssembly(type.Assembly.GetName());
        }

        return new PluginLoadContext(builder.Build());
    }

    /// <summary>The plugin's main assembly, from the bytes read (and hashed) before, with its symbols when a pdb
    /// lies beside it (so a plugin's stack traces in the log name lines). <paramref name="cachedCopy"/>, a file
    /// holding exactly those bytes, is loaded instead when given, so that its precompiled code is used.</summary>
    public Assembly LoadMain(byte[] image, string assemblyPath, string? cachedCopy)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (cachedCopy is not null && !_context.IsCollectible)
        {
            try
            {
                return _context.LoadFromAssemblyPath(cachedCopy);
            }
            catch (FileNotFoundException)
            {
                // Pruned by another process since it was checked: the bytes in memory are the same assembly.
            }
        }

        using var assembly = new MemoryStream(image, writable: false);
        var pdb = Path.ChangeExtension(assemblyPath, ".pdb");
        if (!File.Exists(pdb))
        {
            return _context.LoadFromStream(assembly);
        }

        using var symbols = new MemoryStream(File.ReadAllBytes(pdb), writable: false);
        return _context.LoadFromStream(assembly, symbols);
    }

    /// <summary>A dependency by name: from the plugin's folder (its deps.json), or from the host for a shared one.</summary>
    public Assembly Load(AssemblyName name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _context.LoadFromAssemblyName(name);
    }

    /// <summary>Starts unloading. Unloading is cooperative: objects still referenced keep the context alive. A context
    /// that cannot be unloaded stays until the process ends.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (_context.IsCollectible)
            {
                _context.Unload();
            }
        }
    }
}
