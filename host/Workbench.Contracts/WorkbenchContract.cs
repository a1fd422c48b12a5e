namespace Workbench.Contracts;

/// <summary>The version of the plugin contract.</summary>
/// <remarks>
/// <see cref="Version"/> is a constant, so a plugin compiles the value it was built against into its
/// <see cref="WorkbenchPluginAttribute"/>; the host compares it with its own and refuses a mismatch.
/// Bump it whenever a type in this assembly changes shape.
/// </remarks>
public static class WorkbenchContract
{
    public const int Version = 3;
}
