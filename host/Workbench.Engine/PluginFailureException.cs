namespace Workbench.Engine;

/// <summary>A plugin misbehaved (threw, returned a non-finite fitness, asked an invalid point). The message says
/// which plugin and what it was doing; the plugin's own exception is the inner exception.</summary>
public sealed class PluginFailureException : Exception
{
    public PluginFailureException(string componentId, string message, Exception? inner = null)
        : base(message, inner)
    {
        ComponentId = componentId;
    }

    public string ComponentId { get; }
}
