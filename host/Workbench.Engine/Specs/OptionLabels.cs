using System.Collections.Concurrent;
using Workbench.Contracts.Options;
using Workbench.Engine.Catalog;

namespace Workbench.Engine.Specs;

/// <summary>How a configured algorithm is named in tables, legends and reports: its id plus the options that differ
/// from the plugin's defaults (<c>cmaes restarts=ipop</c>), so the one setting that matters is the one shown.</summary>
/// <remarks>Every front end (<c>wb runs compare --group</c>, the TUI's Ctrl+G, the campaign report) labels through
/// here. Defaults come from the plugin's own option descriptions, parsed from no text, in the same text form the
/// run store keeps, so a stored option compares equal to its default exactly when the plugin would treat it so.</remarks>
public sealed class OptionLabels(IComponentCatalog catalog)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>?> _defaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>?> _problemDefaults = new(StringComparer.Ordinal);

    /// <summary>The label of an algorithm with these options (its full option text, as stored with a run).</summary>
    public string Label(string algorithmId, IReadOnlyDictionary<string, string> options) =>
        Label(algorithmId, options, _defaults.GetOrAdd(algorithmId, id => DefaultsOf(catalog, id)));

    /// <summary>The same for a problem (<c>bbob-f01 instance=3</c>): runs on two instances are two groups, and
    /// their labels must say which is which.</summary>
    public string ProblemLabel(string problemId, IReadOnlyDictionary<string, string> options) =>
        Label(problemId, options, _problemDefaults.GetOrAdd(problemId, id =>
            catalog.Problems.FirstOrDefault(r => string.Equals(r.Factory.Id, id, StringComparison.Ordinal)) is { } entry ? Parse(entry.Factory.Options) : null));

    /// <summary>The label given the defaults; without them (the plugin is not loaded here) every option is shown,
    /// since none can be called a default.</summary>
    public static string Label(string algorithmId, IReadOnlyDictionary<string, string> options, IReadOnlyDictionary<string, string>? defaults)
    {
        ArgumentNullException.ThrowIfNull(options);
        var differing = options
            .Where(o => defaults is null || !defaults.TryGetValue(o.Key, out var d) || !string.Equals(d, o.Value, StringComparison.Ordinal))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"{o.Key}={o.Value}");
        return string.Join(" ", differing.Prepend(algorithmId));
    }

    /// <summary>An optimiser's defaults as option text; null when the catalog has no such optimiser or its options
    /// cannot be parsed from nothing (an option without a default).</summary>
    public static IReadOnlyDictionary<string, string>? DefaultsOf(IComponentCatalog catalog, string algorithmId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var entry = catalog.Optimizers.FirstOrDefault(r => string.Equals(r.Factory.Id, algorithmId, StringComparison.Ordinal));
        return entry is null ? null : Parse(entry.Factory.Options);
    }

    private static IReadOnlyDictionary<string, string>? Parse(OptionSchema schema)
    {
        try
        {
            return schema.Defaults.ToText();
        }
        catch (OptionException)
        {
            return null;
        }
    }
}
