using Workbench.Contracts;
using Workbench.Contracts.Options;
using Workbench.Contracts.Randomness;
using Workbench.Contracts.Tasks;

[assembly: WorkbenchPlugin("mytask", WorkbenchContract.Version, Description = "Mean of random numbers drawn on every node", Authors = "me")]

namespace MyTask;

public sealed class MyTaskOptions
{
    [Option("nodes", "Nodes the work is split over", Min = 1, Max = 64)]
    public int Nodes { get; init; } = 2;

    [Option("draws", "Numbers drawn per node", Min = 1)]
    public long Draws { get; init; } = 10_000;
}

public sealed class MyTaskFactory : ParallelTaskFactory<MyTaskOptions>
{
    public override string Id => "mytask";

    public override string Description => "each node averages uniform draws from its own seed; the result is the mean of the means";

    public override IParallelTask CreateNode() => new MeanNode();

    protected override TaskLayout Plan(MyTaskOptions options, ulong seed) =>
        new(Enumerable.Range(0, options.Nodes).Select(_ => TaskArguments.With("draws", options.Draws)), TubeTopology.None);

    protected override TaskResult Combine(MyTaskOptions options, IReadOnlyList<TaskValue> nodeResults) =>
        new(TaskValue.FromReal(nodeResults.Average(r => r.AsReal())), [], []);
}

/// <summary>One instance per node; its randomness comes from the node's seed (context.Seed), so the result is the
/// same on threads or on peers.</summary>
internal sealed class MeanNode : IParallelTask
{
    private ITaskContext? _context;
    private long _draws;
    private double _mean;

    public void Initialize(ITaskContext context, TaskArguments arguments)
    {
        _context = context;
        _draws = arguments.Integer("draws");
    }

    public void Run(CancellationToken cancellationToken)
    {
        var random = new RandomStream(_context!.Seed);
        var sum = 0.0;
        for (long i = 0; i < _draws; i++)
        {
            sum += random.NextDouble();
        }

        _mean = sum / _draws;
    }

    public TaskValue GetResult() => TaskValue.FromReal(_mean);
}
