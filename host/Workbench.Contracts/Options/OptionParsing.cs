using System.Globalization;

namespace Workbench.Contracts.Options;

/// <summary>Parses one option's text against its descriptor, with one-line errors that say what is allowed.</summary>
internal static class OptionParsing
{
    public static object? ParseValue(OptionDescriptor d, string raw)
    {
        var text = raw.Trim();
        if (d.IsOptional && (text.Length == 0 || text.Equals("auto", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return d.Kind switch
        {
            OptionKind.Integer => CheckRange(d, ParseInteger(d, text), text),
            OptionKind.Real => CheckRange(d, ParseReal(d, text), text),
            OptionKind.Boolean => ParseBoolean(d, text),
            OptionKind.Choice => ParseChoice(d, text),
            OptionKind.Text => raw,
            OptionKind.RealVector => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(part => ParseReal(d, part)).ToArray(),
            _ => throw Bad(d, text),
        };
    }

    private static long ParseInteger(OptionDescriptor d, string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(d, text);

    private static double ParseReal(OptionDescriptor d, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw Bad(d, text);

    private static bool ParseBoolean(OptionDescriptor d, string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" or "on" => true,
        "false" or "no" or "0" or "off" => false,
        _ => throw Bad(d, text),
    };

    private static string ParseChoice(OptionDescriptor d, string text)
    {
        var match = d.Choices.FirstOrDefault(c => c.Equals(text, StringComparison.OrdinalIgnoreCase));
        return match ?? throw Bad(d, text);
    }

    private static object CheckRange(OptionDescriptor d, long value, string text)
    {
        CheckRange(d, (double)value, text);
        return value;
    }

    private static object CheckRange(OptionDescriptor d, double value, string text)
    {
        var belowMin = d.Min is double lo && (d.MinExclusive ? value <= lo : value < lo);
        var aboveMax = d.Max is double hi && value > hi;
        return belowMin || aboveMax ? throw Bad(d, text) : value;
    }

    private static OptionException Bad(OptionDescriptor d, string text) =>
        new(d.Name, $"option '{d.Name}' = '{text}' is invalid: expected {d.AllowedText}");
}
