using Workbench.Contracts.Jobs;
using Workbench.Contracts.Options;
using Workbench.Engine.Catalog;
using Workbench.Engine.Specs;

namespace Workbench.Engine.Mapping;

/// <summary>The job of a map: as data (<see cref="Spec"/>, what a peer needs to re-create it from its own copy of
/// the plugin) and as resolved here (the factory, the parsed options and one local instance).</summary>
public sealed class MapJob
{
    private MapJob(ComponentSpec spec, ComponentOrigin origin, IJobFactory factory, OptionValues options, IJob local)
    {
        Spec = spec;
        Origin = origin;
        Factory = factory;
        Options = options;
        Local = local;
    }

    public ComponentSpec Spec { get; }

    /// <summary>The local plugin build, for the record (the spec carries what a peer needs).</summary>
    public ComponentOrigin Origin { get; }

    public IJobFactory Factory { get; }

    public OptionValues Options { get; }

    /// <summary>The instance local slots share: the contract makes <see cref="IJob.Run"/> safe to call concurrently.</summary>
    public IJob Local { get; }

    /// <summary>Parses the options and creates the job once, so a bad option is reported before any input runs.</summary>
    /// <exception cref="RunSetupException">An unknown option or a bad value (subject: the option name).</exception>
    /// <exception cref="PluginFailureException">The plugin's factory threw something else.</exception>
    /// <param name="describedAs">How peers re-create the job when it is not a plugin's (a shipped C# function); null
    /// describes it as its plugin's job.</param>
    public static MapJob Resolve(Registered<IJobFactory> registered, IReadOnlyDictionary<string, string> optionText, ComponentSpec? describedAs = null)
    {
        var factory = registered.Factory;
        try
        {
            var options = factory.Options.Parse(optionText, $"job '{factory.Id}'");
            var local = factory.Create(options);
            var spec = describedAs ?? ComponentSpec.Of("job", factory.Id, registered.Origin, options.ToText());
            return new MapJob(spec, registered.Origin, factory, options, local);
        }
        catch (OptionException ex)
        {
            throw new RunSetupException(ex.OptionName, ex.Message, ex);
        }
        catch (Exception ex) when (ex is not RunSetupException)
        {
            throw new PluginFailureException(factory.Id, $"job '{factory.Id}' (plugin {registered.Origin.PluginId}) failed to create: {ex.Message}", ex);
        }
    }
}
