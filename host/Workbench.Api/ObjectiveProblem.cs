using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Engine.Specs;

namespace Workbench;

/// <summary>A user's lambda as a problem. Each point is passed as a fresh array, so a lambda that keeps the
/// array (to log visited points, say) keeps what it saw.</summary>
internal sealed class ObjectiveProblem : IDescribedProblem
{
    public const string ProblemId = "objective";

    private readonly Func<double[], double> _objective;

    public ObjectiveProblem(Func<double[], double> objective, Bounds bounds, bool threadSafe, ComponentSpec? component = null)
    {
        _objective = objective;
        Component = component ?? ComponentSpec.Of("problem", ProblemId, Engine.Catalog.ComponentOrigin.InProcess(ProblemId), new Dictionary<string, string>());
        Bounds = bounds;
        Traits = new ProblemTraits(IsThreadSafe: threadSafe, IsDeterministic: true);
    }

    public string Id => ProblemId;

    /// <summary>The function as peers re-create it (by its assembly's hash), or an in-process component when the
    /// run has no peers.</summary>
    public ComponentSpec Component { get; }

    public int Dimension => Bounds.Dimension;

    public Bounds Bounds { get; }

    public KnownOptimum? Optimum => null;

    public ProblemTraits Traits { get; }

    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
    {
        var d = Dimension;
        for (var i = 0; i < fitness.Length; i++)
        {
            fitness[i] = _objective(points.Slice(i * d, d).ToArray());
        }
    }
}

/// <summary>Hands the planner the one objective problem of an API call.</summary>
internal sealed class ObjectiveProblemFactory(ObjectiveProblem problem) : IProblemFactory
{
    public string Id => ObjectiveProblem.ProblemId;

    public string Description => "A C# function given to Optimize.Minimize or Maximize";

    public OptionSchema Options => OptionSchema.Empty;

    public DimensionRange Dimensions => new(problem.Dimension, problem.Dimension);

    public IProblem Create(OptionValues options, int dimension, Bounds? bounds) => problem;
}
