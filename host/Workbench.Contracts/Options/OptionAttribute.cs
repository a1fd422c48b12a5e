namespace Workbench.Contracts.Options;

/// <summary>Declares a property of an options class as a user-visible option.</summary>
/// <remarks>
/// The option's kind comes from the property type: <c>int</c>/<c>long</c> (integer), <c>double</c> (real),
/// <c>bool</c>, an enum (a choice among its kebab-cased names), <c>string</c>, <c>double[]</c> (comma-separated
/// reals). A nullable type makes the option optional, with null meaning "automatic". The default is the value
/// the property has on a new instance.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class OptionAttribute : Attribute
{
    public OptionAttribute(string name, string help)
    {
        Name = name;
        Help = help;
    }

    /// <summary>Kebab-case name used on the command line (<c>--option swarm-size=40</c>) and in JSON.</summary>
    public string Name { get; }

    public string Help { get; }

    /// <summary>Inclusive lower limit for numbers; NaN when unbounded.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Inclusive upper limit for numbers; NaN when unbounded.</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>Set when the lower limit itself is not allowed (for example a rate that must be &gt; 0).</summary>
    public bool MinExclusive { get; init; }
}
