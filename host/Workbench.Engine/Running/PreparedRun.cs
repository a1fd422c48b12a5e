using Workbench.Contracts.Optimizers;
using Workbench.Engine.Evaluation;

namespace Workbench.Engine.Running;

/// <summary>A run with every part created and validated, ready for <see cref="RunLoop"/>.</summary>
public sealed class PreparedRun : IDisposable
{
    public PreparedRun(RunDescription description, ProblemGuard problem, IOptimizer optimizer, IEvaluator evaluator)
    {
        Description = description;
        Problem = problem;
        Optimizer = optimizer;
        Evaluator = evaluator;
    }

    public RunDescription Description { get; }

    public ProblemGuard Problem { get; }

    public IOptimizer Optimizer { get; }

    public IEvaluator Evaluator { get; }

    public void Dispose() => Evaluator.Dispose();
}
