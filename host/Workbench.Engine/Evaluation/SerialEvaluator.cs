using Workbench.Contracts.Problems;

namespace Workbench.Engine.Evaluation;

/// <summary>Evaluates the whole batch on the calling thread: the reference every other evaluator must match.</summary>
public sealed class SerialEvaluator : IEvaluator
{
    private readonly IProblem _problem;

    public SerialEvaluator(IProblem problem)
    {
        _problem = problem;
    }

    public string Name => "serial";

    public int Workers => 1;

    public string Device => "cpu";

    public ValueTask EvaluateAsync(ReadOnlyMemory<double> points, Memory<double> fitness, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _problem.Evaluate(points.Span, fitness.Span);
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
    }
}
