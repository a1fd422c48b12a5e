using Workbench.Conformance;
using Workbench.Contracts.Problems;
using Workbench.Engine.Evaluation;
using Xunit;

namespace Workbench.Engine.Tests;

public sealed class SerialEvaluatorConformance : EvaluatorConformance
{
    protected override IEvaluator Create(ProblemGuard problem) => new SerialEvaluator(problem);
}

public sealed class MulticoreEvaluatorConformance : EvaluatorConformance
{
    protected override IEvaluator Create(ProblemGuard problem) => new MulticoreEvaluator(problem, 2);
}

public sealed class MulticoreEvaluatorManyWorkersConformance : EvaluatorConformance
{
    // More workers than cores, and a count that does not divide batches evenly.
    protected override IEvaluator Create(ProblemGuard problem) => new MulticoreEvaluator(problem, 7);
}

public sealed class MulticoreEvaluatorTests
{
    [Fact]
    public async Task Splits_big_batches_into_one_chunk_per_worker()
    {
        var problem = new ShiftedSphere(4);
        using var evaluator = new MulticoreEvaluator(problem, 3);
        await evaluator.EvaluateAsync(new double[4 * 30_000], new double[30_000], CancellationToken.None);
        Assert.Equal(3, problem.Calls);
    }

    [Fact]
    public async Task Evaluates_tiny_batches_inline()
    {
        var problem = new ShiftedSphere(4);
        using var evaluator = new MulticoreEvaluator(problem, 3);
        await evaluator.EvaluateAsync(new double[4 * 10], new double[10], CancellationToken.None);
        Assert.Equal(1, problem.Calls);
    }

    [Fact]
    public void Falls_back_to_one_worker_for_problems_that_are_not_thread_safe()
    {
        using var evaluator = new MulticoreEvaluator(new ShiftedSphere(4, threadSafe: false), 4);
        Assert.Equal(1, evaluator.Workers);
    }
}
