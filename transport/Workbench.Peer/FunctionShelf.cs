using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Workbench.Engine;
using Workbench.Engine.Specs;

namespace Workbench.Peer;

/// <summary>C# functions shipped by clients: each bundle (an assembly and its private dependencies) is kept under
/// <c>CACHE/functions/&lt;sha256&gt;/</c> and loaded into its own collectible context, which falls back to this
/// process for everything the bundle does not carry (the framework, Workbench). The method is found by its
/// metadata name and token, never by running any code of the client's choosing but that method.</summary>
internal sealed class FunctionShelf(string cacheDirectory)
{
    private readonly string _root = Path.Combine(cacheDirectory, "functions");
    private readonly ConcurrentDictionary<string, AssemblyLoadContext> _contexts = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public bool Holds(string sha) => Directory.Exists(Path.Combine(_root, sha));

    public void Install(string folderName, string sha, IReadOnlyList<(string Path, ReadOnlyMemory<byte> Content)> files)
    {
        ShippedFolder.Validate(folderName, sha, files);
        lock (_gate)
        {
            if (!Holds(sha))
            {
                Directory.CreateDirectory(_root);
                ShippedFolder.Write(_root, Path.Combine(_root, sha), folderName, files);
            }
        }
    }

    /// <summary>The method a function spec names, and the object to call it on (null for a static method).</summary>
    /// <exception cref="RunSetupException">The bundle is not held here, or does not have that method.</exception>
    public (MethodInfo Method, object? Target) Resolve(ComponentSpec spec)
    {
        var folder = Path.Combine(_root, spec.FolderSha256, spec.Options["assembly"]);
        if (!Directory.Exists(folder))
        {
            throw new RunSetupException("function", $"function {spec.Id} (assembly hash {spec.FolderSha256[..12]}) is not held here");
        }

        var context = _contexts.GetOrAdd(spec.FolderSha256, _ => new BundleContext(folder));
        var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, spec.Options["assembly"] + ".dll"));
        var type = assembly.GetType(spec.Options["type"], throwOnError: false)
            ?? throw new RunSetupException("function", $"function {spec.Id}: type {spec.Options["type"]} is not in its assembly");
        var token = int.Parse(spec.Options["token"], CultureInfo.InvariantCulture);
        var method = type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .FirstOrDefault(m => m.MetadataToken == token && m.Name == spec.Options["method"])
            ?? throw new RunSetupException("function", $"function {spec.Id}: no such method in its assembly");
        var target = spec.Options["form"] == "singleton"
            ? type.GetField("<>9", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(null)
                ?? throw new RunSetupException("function", $"function {spec.Id}: the lambda's closure object is missing")
            : null;
        return (method, target);
    }

    /// <summary>Loads the bundle's own assemblies from its folder and everything else from the host.</summary>
    private sealed class BundleContext(string folder) : AssemblyLoadContext($"function {Path.GetFileName(folder)}", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var file = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(file) ? LoadFromAssemblyPath(file) : null;
        }
    }
}
