using System.Globalization;

namespace Workbench.Contracts.Options;

/// <summary>Everything a UI needs to draw, parse and check one option of a plugin it has never seen.</summary>
public sealed record OptionDescriptor
{
    public required string Name { get; init; }

    public required OptionKind Kind { get; init; }

    public required string Help { get; init; }

    /// <summary>Default as typed value (long, double, bool, string, double[]) or null for "automatic".</summary>
    public object? Default { get; init; }

    public bool IsOptional { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public bool MinExclusive { get; init; }

    /// <summary>Allowed values of a <see cref="OptionKind.Choice"/> option, else empty.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public string DefaultText => OptionText.Format(Default);

    /// <summary>A short description of the allowed values, for help and error messages.</summary>
    public string AllowedText => Kind switch
    {
        OptionKind.Choice => "one of " + string.Join(", ", Choices),
        OptionKind.Boolean => "true or false",
        OptionKind.Text => "text",
        OptionKind.RealVector => "comma-separated reals",
        OptionKind.Integer or OptionKind.Real => RangeText(),
        _ => Kind.ToString(),
    } + (IsOptional ? " (or auto)" : "");

    private string RangeText()
    {
        var kind = Kind == OptionKind.Integer ? "an integer" : "a real";
        string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return (Min, Max) switch
        {
            (double lo, double hi) => $"{kind} in {(MinExclusive ? "(" : "[")}{Num(lo)}, {Num(hi)}]",
            (double lo, null) => $"{kind} {(MinExclusive ? ">" : ">=")} {Num(lo)}",
            (null, double hi) => $"{kind} <= {Num(hi)}",
            _ => kind,
        };
    }
}
