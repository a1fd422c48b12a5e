using Workbench.Contracts.Options;
using Workbench.Engine.Catalog;

namespace Workbench.Engine;

/// <summary>Runs plugin code that creates a component, attributing its failures.</summary>
public static class PluginCall
{
    /// <summary>Option errors stay usage errors (<see cref="RunSetupException"/>); anything else the plugin threw
    /// is its fault (<see cref="PluginFailureException"/>), and so is a factory that returns null.</summary>
    public static T Create<T>(ComponentOrigin origin, string what, Func<T?> create)
        where T : class
    {
        T? created;
        try
        {
            created = create();
        }
        catch (OptionException ex)
        {
            throw new RunSetupException(ex.OptionName, $"{what}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not RunSetupException)
        {
            throw new PluginFailureException(origin.PluginId, $"{what} (plugin {origin.PluginId}) failed to start: {ex.GetType().Name}: {ex.Message}", ex);
        }

        return created ?? throw new PluginFailureException(origin.PluginId, $"{what} (plugin {origin.PluginId}) failed to start: its factory returned null");
    }
}
