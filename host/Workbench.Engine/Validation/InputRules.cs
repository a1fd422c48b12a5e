using System.Globalization;

namespace Workbench.Engine.Validation;

/// <summary>The ranges of the numbers and labels a user gives, in one place for every front end. Each check returns
/// null when the value is fine, else one line that names the setting and the range.</summary>
public static class InputRules
{
    /// <summary>The longest time limit or timeout accepted: about 115 days. Longer is a typo, and TimeSpan
    /// arithmetic overflows near 10¹⁰ s.</summary>
    public const double MaxSeconds = 1e7;

    /// <summary>Tags are indexed by the store, whose index keys must stay under 1023 bytes (4 bytes per character
    /// at most in UTF-8).</summary>
    public const int MaxTagLength = 200;

    public const int MaxNameLength = 1000;

    /// <summary>Seconds: finite, positive, at most <see cref="MaxSeconds"/>.</summary>
    public static string? Seconds(string setting, double value) =>
        double.IsFinite(value) && value > 0 && value <= MaxSeconds
            ? null
            : $"{setting} must be a number of seconds in (0, {MaxSeconds:0e0}], not {Show(value)}";

    public static string? AtLeast(string setting, long value, long min) =>
        value >= min ? null : $"{setting} must be at least {min}, not {value}";

    public static string? Finite(string setting, double value) =>
        double.IsFinite(value) ? null : $"{setting} must be a finite number, not {Show(value)}";

    /// <summary>A tag: not empty, not blank, at most <see cref="MaxTagLength"/> characters.</summary>
    public static string? Tag(string tag) =>
        string.IsNullOrWhiteSpace(tag) ? "a tag must not be empty"
        : tag.Length > MaxTagLength ? $"a tag must be at most {MaxTagLength} characters, not {tag.Length}"
        : null;

    public static string? Name(string? name) =>
        name is { Length: > MaxNameLength } ? $"a run name must be at most {MaxNameLength} characters, not {name.Length}" : null;

    /// <summary>Checks a run's name and tags before it starts: a value the store cannot index would fail the
    /// recording after the work was done.</summary>
    public static void CheckLabels(string? name, IEnumerable<string> tags)
    {
        if (Name(name) is string bad)
        {
            throw new RunSetupException("name", bad);
        }

        foreach (var tag in tags)
        {
            if (Tag(tag) is string badTag)
            {
                throw new RunSetupException("tag", badTag);
            }
        }
    }

    /// <summary>Parses a number the way every flag does: invariant culture, no thousands separators (so "1,5" is
    /// refused rather than read as 15), NaN and infinities refused with the rest by the range checks.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A memory size: a number with an optional unit (B, KB, MB, GB, TB; powers of 1000), positive and
    /// finite; "8GB", "512MB", "1e9".</summary>
    public static string? Bytes(string setting, string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim().ToUpperInvariant();
        var units = new (string Suffix, double Scale)[] { ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("T", 1e12), ("G", 1e9), ("M", 1e6), ("K", 1e3), ("B", 1) };
        var scale = 1.0;
        foreach (var (suffix, factor) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                (trimmed, scale) = (trimmed[..^suffix.Length], factor);
                break;
            }
        }

        if (!TryParse(trimmed, out var value) || !double.IsFinite(value * scale) || value * scale < 1 || value * scale > 9e18)
        {
            return $"{setting} '{text}' is invalid: expected a size such as 512MB or 8GB";
        }

        bytes = (long)(value * scale);
        return null;
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
