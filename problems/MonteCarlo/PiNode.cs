using Workbench.Contracts.Randomness;
using Workbench.Contracts.Tasks;

namespace Workbench.Problems.MonteCarlo;

/// <summary>One node of <see cref="PiTaskFactory"/>: counts its points with x^2 + y^2 &lt; 1.</summary>
internal sealed class PiNode : IParallelTask
{
    private const long Chunk = 1 << 20;
    private ITaskContext? _context;
    private long _points;
    private long _inside;

    public void Initialize(ITaskContext context, TaskArguments arguments)
    {
        _context = context;
        _points = arguments.Integer("points");
    }

    public void Run(CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("Run before Initialize");
        var random = new RandomStream(context.Seed);
        long inside = 0;
        for (long done = 0; done < _points;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(Chunk, _points - done);
            for (long i = 0; i < n; i++)
            {
                var x = random.NextDouble();
                var y = random.NextDouble();
                if ((x * x) + (y * y) < 1.0)
                {
                    inside++;
                }
            }

            done += n;
            context.ReportProgress((double)done / _points, $"{done:N0} of {_points:N0} points");
        }

        _inside = inside;
    }

    public TaskValue GetResult() => TaskValue.FromInteger(_inside);
}
