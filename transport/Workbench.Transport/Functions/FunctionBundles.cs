using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Workbench.Engine.Specs;

namespace Workbench.Transport.Functions;

/// <summary>Playdoh's "the code travels by itself" for plain C# functions: a static method, or a lambda that
/// captures nothing, is described by its assembly's hash and its metadata name, and its assembly (with the private
/// dependencies beside it) is staged as a folder that peers receive, verify and load. A lambda that captures state
/// is refused: the state lives in this process and cannot follow the code.</summary>
public static class FunctionBundles
{
    public const string Kind = "function";

    private static readonly ConcurrentDictionary<string, string> Staged = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Assembly, (string Sha, string Folder)> ByAssembly = new();

    /// <summary>The staged folder of a bundle this process described, or null.</summary>
    public static string? FolderOf(string folderSha256) => Staged.GetValueOrDefault(folderSha256);

    /// <summary>Describes <paramref name="function"/> as a component peers can re-create.</summary>
    /// <param name="options">Extra settings the peer needs to call it the same way (thread safety, negation...).</param>
    /// <exception cref="FunctionNotPortableException">It captures state, or lives in no assembly file.</exception>
    public static ComponentSpec Describe(Delegate function, IReadOnlyDictionary<string, string> options)
    {
        var method = function.Method;
        var type = method.DeclaringType ?? throw new FunctionNotPortableException("the function belongs to no type");
        var form = Form(function, method, type);
        if (type.ContainsGenericParameters || method.ContainsGenericParameters)
        {
            throw new FunctionNotPortableException($"{type.Name}.{method.Name} is generic; peers can run only closed, non-generic methods");
        }

        var (sha, _) = ByAssembly.GetOrAdd(type.Assembly, Stage);
        var all = new Dictionary<string, string>(options, StringComparer.Ordinal)
        {
            ["assembly"] = type.Assembly.GetName().Name!,
            ["type"] = type.FullName!,
            ["method"] = method.Name,
            ["token"] = method.MetadataToken.ToString(CultureInfo.InvariantCulture),
            ["form"] = form,
        };
        return new ComponentSpec(Kind, $"{type.FullName}.{method.Name}", type.Assembly.GetName().Name!, type.Assembly.GetName().Version?.ToString() ?? "0.0.0", sha,
            all.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary><c>static</c> for a static method; <c>singleton</c> for a lambda that captures nothing (the compiler
    /// makes it an instance method of a cached, field-less closure object).</summary>
    private static string Form(Delegate function, MethodInfo method, Type type)
    {
        if (method.IsStatic)
        {
            return function.Target is null ? "static" : throw new FunctionNotPortableException($"{method.Name} is bound to an argument; pass a static method or a lambda that captures nothing");
        }

        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (fields.Length > 0)
        {
            var names = string.Join(", ", fields.Select(f => f.Name.TrimStart('<').Split('>')[0]));
            throw new FunctionNotPortableException($"the lambda captures {names}: captured state stays in this process and cannot travel to peers; pass it in the input, or use a static method");
        }

        var singleton = type.GetField("<>9", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
        return type.IsDefined(typeof(CompilerGeneratedAttribute)) && singleton is not null && ReferenceEquals(singleton.GetValue(null), function.Target)
            ? "singleton"
            : throw new FunctionNotPortableException($"{type.Name}.{method.Name} is an instance method of an object that peers cannot re-create; use a static method or a lambda that captures nothing");
    }

    /// <summary>Copies the assembly and the references beside it that Workbench itself does not bring (peers have
    /// those) into a staging folder, and hashes it.</summary>
    private static (string Sha, string Folder) Stage(Assembly assembly)
    {
        if (string.IsNullOrEmpty(assembly.Location))
        {
            throw new FunctionNotPortableException($"assembly {assembly.GetName().Name} was loaded from memory and has no file to send to peers");
        }

        var directory = Path.GetDirectoryName(assembly.Location)!;
        var provided = ProvidedByWorkbench();
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<AssemblyName>([assembly.GetName()]);
        while (pending.TryDequeue(out var name))
        {
            var file = Path.Combine(directory, name.Name + ".dll");
            if (!seen.Add(name.Name!) || provided.Contains(name.Name!) || !File.Exists(file))
            {
                continue;
            }

            files.Add(file);
            foreach (var reference in Referenced(file))
            {
                pending.Enqueue(reference);
            }
        }

        var staging = Directory.CreateTempSubdirectory("wb-function-").FullName;
        var folder = Path.Combine(staging, assembly.GetName().Name!);
        Directory.CreateDirectory(folder);
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var sha = PluginFolderHash.Of(folder);
        Staged[sha] = folder;
        return (sha, folder);
    }

    /// <summary>References read from metadata, without loading the assembly into this process again.</summary>
    private static IEnumerable<AssemblyName> Referenced(string file)
    {
        using var stream = File.OpenRead(file);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToArray();
    }

    /// <summary>Every assembly Workbench's own client brings, transitively: a peer runs the same wb, so it has them.</summary>
    private static HashSet<string> ProvidedByWorkbench()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>([typeof(FunctionBundles).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!names.Add(assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                try
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    names.Add(reference.Name!);
                }
            }
        }

        return names;
    }
}

/// <summary>A function cannot run on peers (it captures state, is generic, or has no assembly file); the message
/// says why and what to do instead.</summary>
public sealed class FunctionNotPortableException(string message) : Exception(message);
