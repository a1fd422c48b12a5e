using System.Collections.Immutable;
using Workbench.Engine.Catalog;

namespace Workbench.Engine.Specs;

/// <summary>A plugin component as data: enough for any machine holding the same plugin folder to re-create
/// exactly the object this host uses. Nothing live crosses a process boundary, only this.</summary>
/// <param name="Kind">The factory kind: <c>optimizer</c>, <c>problem</c>, <c>task</c> or <c>job</c>.</param>
/// <param name="Id">The factory id within its plugin (<c>rosenbrock</c>).</param>
/// <param name="PluginId">The plugin that provides it.</param>
/// <param name="PluginVersion">The plugin's declared version (informative: identity is the folder hash).</param>
/// <param name="FolderSha256">SHA-256 of the whole plugin folder (see the plugin catalog's folder hash); empty for
/// components compiled into the host, which no other machine can re-create.</param>
/// <param name="Options">Every option as text, defaults included, so the spec does not depend on defaults that a
/// later plugin version might change.</param>
public sealed record ComponentSpec(
    string Kind,
    string Id,
    string PluginId,
    string PluginVersion,
    string FolderSha256,
    ImmutableSortedDictionary<string, string> Options)
{
    /// <summary>True when the component came from a plugin folder, so another machine can hold it too.</summary>
    public bool IsPortable => FolderSha256.Length == 64;

    public static ComponentSpec Of(string kind, string id, ComponentOrigin origin, IReadOnlyDictionary<string, string> options) =>
        new(kind, id, origin.PluginId, origin.PluginVersion, origin.FolderSha256,
            options.ToImmutableSortedDictionary(StringComparer.Ordinal));

    /// <summary>Records compare options by content, not by reference.</summary>
    public bool Equals(ComponentSpec? other) =>
        other is not null && Kind == other.Kind && Id == other.Id && PluginId == other.PluginId
        && PluginVersion == other.PluginVersion && FolderSha256 == other.FolderSha256
        && Options.Count == other.Options.Count && Options.All(o => other.Options.TryGetValue(o.Key, out var v) && v == o.Value);

    public override int GetHashCode() => HashCode.Combine(Kind, Id, PluginId, FolderSha256, Options.Count);

    public override string ToString() => $"{Kind} '{Id}' (plugin {PluginId} {PluginVersion})";
}
