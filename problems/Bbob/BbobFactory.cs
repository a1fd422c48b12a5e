using Workbench.Contracts.Problems;

namespace Workbench.Problems.Bbob;

/// <summary>What the 24 bbob factories share: the id bbob-fNN, [-5, 5]^n, the instance option and COCO's seeds.</summary>
/// <remarks>Members are <c>private protected</c>: only the functions of this plugin derive from it.</remarks>
public abstract class BbobFactory : ProblemFactory<BbobOptions>
{
    private protected BbobFactory(int function, string name, string summary)
    {
        Function = function;
        Id = $"bbob-f{function:D2}";
        Description = $"COCO bbob f{function}, {name}: {summary} Domain [-5, 5]^n; option instance picks COCO's instance.";
    }

    /// <summary>The function number in the bbob suite, 1-24.</summary>
    public int Function { get; }

    public sealed override string Id { get; }

    public sealed override string Description { get; }

    // The definitions divide by n - 1.
    public sealed override DimensionRange Dimensions => new(2, int.MaxValue);

    protected sealed override IProblem Create(BbobOptions options, int dimension, Bounds? bounds)
    {
        var box = bounds ?? Bounds.Uniform(dimension, -5.0, 5.0);
        // COCO seeds f4 with f3's seed and f18 with f17's (the pairs share their random structure).
        long functionSeed = Function switch { 4 => 3, 18 => 17, _ => Function };
        var seed = functionSeed + 10000L * options.Instance;
        var fopt = InstanceRandom.Fopt(functionSeed, options.Instance);
        var function = Build(dimension, seed, fopt);
        return function.WithKernel(new BbobProblem(Id, box, function, box.Contains(function.Xopt)));
    }

    private protected abstract BbobFunction Build(int n, long seed, double fopt);
}
