using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;

namespace Workbench.Engine.Specs;

/// <summary>Re-creates components from their specs with the factories of one catalog: the one path by which the
/// planner, the evaluators' conformance suite and a peer machine all build a problem.</summary>
/// <remarks>A portable spec (one with a folder hash) only matches a factory loaded from a folder with that exact
/// hash: the same id from another build of the plugin could give other fitness values, and a peer must never
/// silently change a run's results.</remarks>
public sealed class SpecResolver(IComponentCatalog catalog)
{
    /// <summary>Describes a problem as data, from the registered factory that will create it and its parsed options.</summary>
    /// <remarks>A problem that describes itself (<see cref="IDescribedProblem"/>) gives its own component.</remarks>
    public static ProblemSpec Describe(Registered<IProblemFactory> entry, OptionValues options, int dimension, Bounds? bounds, IProblem created, NonFinitePolicy policy) =>
        new(created is IDescribedProblem described ? described.Component : ComponentSpec.Of("problem", entry.Factory.Id, entry.Origin, options.ToText()), dimension,
            created.Bounds.Lower.ToArray(), created.Bounds.Upper.ToArray(), policy) { CustomBounds = bounds is not null };

    /// <summary>The spec of a catalog problem with its default options and domain (tests, benchmarks).</summary>
    public ProblemSpec Default(string problemId, int dimension, NonFinitePolicy policy = NonFinitePolicy.Error)
    {
        var entry = CatalogLookup.Problem(catalog, problemId);
        var options = entry.Factory.Options.Defaults;
        var problem = PluginCall.Create(entry.Origin, $"problem '{problemId}'", () => entry.Factory.Create(options, dimension, null));
        return Describe(entry, options, dimension, null, problem, policy);
    }

    /// <summary>Creates the guarded problem a spec describes.</summary>
    /// <exception cref="RunSetupException">No factory in the catalog matches the spec (the message names it), or its
    /// options or dimension are invalid.</exception>
    /// <exception cref="PluginFailureException">The plugin threw while creating the problem.</exception>
    public ProblemGuard CreateProblem(ProblemSpec spec)
    {
        var entry = Find(catalog.Problems, spec.Component, r => r.Factory.Id, r => r.Origin);
        var factory = entry.Factory;
        if (!factory.Dimensions.Contains(spec.Dimension))
        {
            throw new RunSetupException("dim", $"problem '{factory.Id}' takes dimension {factory.Dimensions}, not {spec.Dimension}");
        }

        var options = Parse(factory.Options, spec.Component, $"problem {factory.Id}");
        var bounds = spec.CustomBounds ? new Bounds(spec.Lower, spec.Upper) : null;
        var problem = PluginCall.Create(entry.Origin, $"problem '{factory.Id}'", () => factory.Create(options, spec.Dimension, bounds));
        if (!problem.Bounds.Lower.SequenceEqual(spec.Lower) || !problem.Bounds.Upper.SequenceEqual(spec.Upper))
        {
            throw new PluginFailureException(entry.Origin.PluginId, $"problem '{factory.Id}' (plugin {entry.Origin.PluginId}) was created with other bounds than its spec says");
        }

        return new ProblemGuard(problem, entry.Origin.PluginId, spec.NonFinite, spec);
    }

    /// <summary>The optimiser factory a spec names, with its options parsed.</summary>
    public (Registered<IOptimizerFactory> Entry, OptionValues Options) Optimizer(ComponentSpec spec)
    {
        var entry = Find(catalog.Optimizers, spec, r => r.Factory.Id, r => r.Origin);
        return (entry, Parse(entry.Factory.Options, spec, $"algorithm {entry.Factory.Id}"));
    }

    /// <summary>Parses option text against a schema; an error is a setup error naming the option and its owner.</summary>
    public static OptionValues Parse(OptionSchema schema, IReadOnlyDictionary<string, string> text, string owner)
    {
        try
        {
            return schema.Parse(text, owner);
        }
        catch (OptionException ex)
        {
            throw new RunSetupException(ex.OptionName, $"{owner}: {ex.Message}", ex);
        }
    }

    private static OptionValues Parse(OptionSchema schema, ComponentSpec spec, string owner) => Parse(schema, spec.Options, owner);

    /// <summary>Finds the entry a spec names: by id, and by folder hash when the spec has one.</summary>
    public static T Find<T>(IReadOnlyList<T> entries, ComponentSpec spec, Func<T, string> idOf, Func<T, ComponentOrigin> originOf)
    {
        T? sameId = default;
        foreach (var entry in entries)
        {
            if (!string.Equals(idOf(entry), spec.Id, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!spec.IsPortable || originOf(entry).FolderSha256 == spec.FolderSha256)
            {
                return entry;
            }

            sameId = entry;
        }

        if (sameId is not null)
        {
            throw new RunSetupException(spec.Kind, $"{spec.Kind} '{spec.Id}': this machine's plugin {originOf(sameId).PluginId} {originOf(sameId).PluginVersion} is another build (folder hash {Short(originOf(sameId).FolderSha256)}) than the one asked for ({spec.PluginVersion}, {Short(spec.FolderSha256)})");
        }

        throw new RunSetupException(spec.Kind, $"{spec.Kind} '{spec.Id}' (plugin {spec.PluginId} {spec.PluginVersion}{(spec.IsPortable ? ", folder hash " + Short(spec.FolderSha256) : "")}) is not loaded here");
    }

    private static string Short(string sha) => sha.Length >= 12 ? sha[..12] : sha;
}
