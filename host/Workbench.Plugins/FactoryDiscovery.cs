using System.Reflection;

namespace Workbench.Plugins;

/// <summary>Finds and instantiates the factories of a loaded plugin assembly, one instance per type.</summary>
internal static class FactoryDiscovery
{
    /// <exception cref="PluginLoadException">A factory cannot be created or inspected, or there is none.</exception>
    public static IReadOnlyList<Component> Discover(Assembly assembly)
    {
        var types = ExportedTypes(assembly);
        var instances = new Dictionary<Type, object>();
        var components = new List<Component>();
        foreach (var kind in ComponentKinds.All)
        {
            foreach (var type in types.Where(t => IsFactory(t, kind.Contract)).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (!instances.TryGetValue(type, out var factory))
                {
                    factory = Create(type);
                    instances.Add(type, factory);
                }

                var id = Inspect(kind, type, factory);
                if (components.Any(c => c.Kind == kind && string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new PluginLoadException($"two {kind.Name} factories have the id '{id}'");
                }

                components.Add(new Component(kind, id, factory));
            }
        }

        if (components.Count == 0)
        {
            throw new PluginLoadException($"no public factory implementing {string.Join(" or ", ComponentKinds.Contracts.Select(c => c.Name))} with a public parameterless constructor");
        }

        return components;
    }

    private static Type[] ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var first = e.LoaderExceptions.FirstOrDefault(x => x is not null);
            throw new PluginLoadException($"its types could not be loaded: {first?.Message ?? e.Message}");
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new PluginLoadException($"its types could not be loaded: {e.Message}");
        }
    }

    private static bool IsFactory(Type type, Type contract) =>
        type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
        && contract.IsAssignableFrom(type)
        && type.GetConstructor(Type.EmptyTypes) is not null;

    private static object Create(Type type)
    {
        try
        {
            return Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new PluginLoadException($"factory {type.FullName} constructor threw {e.InnerException.GetType().Name}: {e.InnerException.Message}");
        }
    }

    private static string Inspect(ComponentKind kind, Type type, object factory)
    {
        try
        {
            var id = kind.Inspect(factory);
            return string.IsNullOrWhiteSpace(id) ? throw new PluginLoadException($"factory {type.FullName} has an empty Id") : id;
        }
        catch (GetterFailedException e)
        {
            var inner = e.InnerException!;
            throw new PluginLoadException($"factory {type.FullName} {e.Getter} getter threw {inner.GetType().Name}: {inner.Message}");
        }
    }
}
