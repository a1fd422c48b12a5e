namespace Workbench.Contracts.Options;

/// <summary>A complete, validated set of option values for one schema (defaults filled in). Immutable.</summary>
/// <remarks>Only <see cref="OptionSchema.Parse"/> creates one, so holding an instance means the values passed
/// every per-option check. Values are typed: long, double, bool, string, double[] (copied), or null for "auto".</remarks>
public sealed class OptionValues
{
    private readonly SortedDictionary<string, object?> _values;

    internal OptionValues(SortedDictionary<string, object?> values)
    {
        _values = values;
    }

    public IEnumerable<string> Names => _values.Keys;

    public object? this[string name] => _values[name] is double[] v ? v.ToArray() : _values[name];

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>Canonical invariant text of every value; parsing it again gives equal values.</summary>
    public IReadOnlyDictionary<string, string> ToText()
    {
        var text = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in _values)
        {
            text[name] = OptionText.Format(value);
        }

        return text;
    }

    public override string ToString() => string.Join(" ", ToText().Select(kv => $"{kv.Key}={kv.Value}"));
}
