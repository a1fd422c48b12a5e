using System.Reflection;
using Workbench.Contracts.Problems;
using Workbench.Engine.Specs;

namespace Workbench.Peer;

/// <summary>A shipped C# objective (double[] → double) as a problem over the bounds of its spec. Each point is passed
/// as a fresh array, as the client's own API does, so the function sees exactly what it would see there.</summary>
internal sealed class FunctionProblem : IProblem
{
    private readonly Func<double[], double> _function;
    private readonly bool _negate;

    public FunctionProblem(ProblemSpec spec, MethodInfo method, object? target)
    {
        _function = method.CreateDelegate<Func<double[], double>>(target);
        _negate = spec.Component.Options.GetValueOrDefault("negate") == "true";
        Bounds = new Bounds(spec.Lower, spec.Upper);
        Traits = new ProblemTraits(IsThreadSafe: spec.Component.Options.GetValueOrDefault("thread-safe") == "true", IsDeterministic: true);
        Id = spec.Component.Id;
    }

    public string Id { get; }

    public int Dimension => Bounds.Dimension;

    public Bounds Bounds { get; }

    public KnownOptimum? Optimum => null;

    public ProblemTraits Traits { get; }

    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
    {
        var d = Dimension;
        for (var i = 0; i < fitness.Length; i++)
        {
            var value = _function(points.Slice(i * d, d).ToArray());
            fitness[i] = _negate ? -value : value;
        }
    }
}
