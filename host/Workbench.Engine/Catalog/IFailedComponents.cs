namespace Workbench.Engine.Catalog;

/// <summary>Optional beside <see cref="IComponentCatalog"/>: says why an id that is not available was refused, so
/// "unknown algorithm" is never the answer for a plugin that is present but failed to load.</summary>
public interface IFailedComponents
{
    /// <summary>A one-line reason when a failed plugin declares <paramref name="id"/> (as its plugin id or a
    /// factory id), else null.</summary>
    string? WhyUnavailable(string id);
}
