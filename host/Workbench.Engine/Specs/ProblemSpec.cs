using Workbench.Engine.Evaluation;

namespace Workbench.Engine.Specs;

/// <summary>A problem as data: its component, dimension, bounds and non-finite policy. Evaluators are built from
/// it, so a thread, a GPU and a peer machine all evaluate the same problem.</summary>
public sealed record ProblemSpec(ComponentSpec Component, int Dimension, double[] Lower, double[] Upper, NonFinitePolicy NonFinite)
{
    /// <summary>True when the bounds override the problem's standard domain (the factory is then given them);
    /// false when they are the domain the factory chose itself.</summary>
    public bool CustomBounds { get; init; }

    /// <summary>Records compare arrays by reference; two specs of the same box are the same problem.</summary>
    public bool Equals(ProblemSpec? other) =>
        other is not null && Component.Equals(other.Component) && Dimension == other.Dimension && NonFinite == other.NonFinite && CustomBounds == other.CustomBounds
        && Lower.AsSpan().SequenceEqual(other.Lower) && Upper.AsSpan().SequenceEqual(other.Upper);

    public override int GetHashCode() => HashCode.Combine(Component, Dimension, NonFinite);
}
