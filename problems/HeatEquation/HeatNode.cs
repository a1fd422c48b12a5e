using Workbench.Contracts.Tasks;

namespace Workbench.Problems.HeatEquation;

/// <summary>One vertical band of the grid. It keeps its columns plus one ghost column on each side, and after
/// every step sends its outer owned columns to its neighbours and receives their ones into its ghosts. After the
/// last step the bands travel down the chain to node 0, whose result is the whole field.</summary>
/// <remarks>Tubes (double linear topology): <c>right_i</c> carries node i's last column to node i+1, <c>left_i</c>
/// carries node i+1's first column to node i. Pushes never block, so pushing both ways before popping cannot
/// deadlock. Ghosts on the domain boundary are the zero Dirichlet columns and are never exchanged.
/// Node 0 gathers because a <see cref="TaskValue"/> always copies what it is made from: bands returned as node
/// results would be copied once into a band value, once into the assembled field and once more into the combined
/// value. Gathered, node 0's own band (and with one node the whole field) never moves, and its result value is
/// the task's result as it stands.</remarks>
internal sealed class HeatNode : IParallelTask
{
    private ITaskContext? _context;
    private int _n;
    private int _width;
    private int _steps;
    private double _k;
    private double[] _current = [];
    private double[] _next = [];
    private string _toRight = "";
    private string _toLeft = "";
    private string _fromLeft = "";
    private string _fromRight = "";

    public void Initialize(ITaskContext context, TaskArguments arguments)
    {
        _context = context;
        _n = arguments.Int32("grid");
        var first = arguments.Int32("first");
        var end = arguments.Int32("end");
        _steps = arguments.Int32("steps");
        var dx = 2.0 / (_n - 1);
        _k = arguments.Real("dt") / (dx * dx);
        _width = end - first + 2;
        var node = context.NodeIndex;
        (_toRight, _fromRight) = ($"right_{node}", $"left_{node}");
        (_toLeft, _fromLeft) = ($"left_{node - 1}", $"right_{node - 1}");

        // Node 0's band starts at global column 0 (its left ghost is the boundary), so a full-size array holds
        // its band where it belongs in the field; only the array that holds the field after the last swap needs it.
        var band = _width * _n;
        var last = node == 0 ? _n * _n : band;
        var lastIsCurrent = _steps % 2 == 0;
        _current = new double[lastIsCurrent ? last : band];
        _next = new double[lastIsCurrent ? band : last];
        var sigma = arguments.Real("sigma");
        for (var j = 0; j < _width; j++)
        {
            HeatStencil.Initial(Column(_current, j), first - 1 + j, _n, sigma);
        }
    }

    public void Run(CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("Run before Initialize");
        var hasLeft = context.NodeIndex > 0;
        var hasRight = context.NodeIndex < context.NodeCount - 1;
        var reportEvery = Math.Max(1, _steps / 100);
        for (var step = 0; step < _steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = 1; j < _width - 1; j++)
            {
                HeatStencil.Column(Column(_current, j - 1), Column(_current, j), Column(_current, j + 1), Column(_next, j), _k);
            }

            (_current, _next) = (_next, _current);
            if (hasRight)
            {
                context.Push(_toRight, TaskValue.FromReals(Column(_current, _width - 2)));
            }

            if (hasLeft)
            {
                context.Push(_toLeft, TaskValue.FromReals(Column(_current, 1)));
                context.Pop(_fromLeft, cancellationToken: cancellationToken).AsReals().CopyTo(Column(_current, 0));
            }

            if (hasRight)
            {
                context.Pop(_fromRight, cancellationToken: cancellationToken).AsReals().CopyTo(Column(_current, _width - 1));
            }

            if ((step + 1) % reportEvery == 0)
            {
                context.ReportProgress((double)(step + 1) / _steps);
            }
        }

        Gather(context, hasLeft, hasRight, cancellationToken);
    }

    /// <summary>Node 0: the whole field, column-major. Other nodes: nothing (their bands went to node 0).</summary>
    public TaskValue GetResult() =>
        _context?.NodeIndex == 0 ? TaskValue.FromReals(_current.AsSpan(0, _n * _n)) : TaskValue.FromReals([]);

    /// <summary>Node i &gt; 0 sends its owned columns (the last node its right boundary column too) to node i-1,
    /// then forwards the bands of the nodes to its right, in order; node 0 copies them into place. The tubes are
    /// queues and every ghost sent has been taken, so the bands follow the ghosts without mixing with them.</summary>
    private void Gather(ITaskContext context, bool hasLeft, bool hasRight, CancellationToken cancellationToken)
    {
        var farther = context.NodeCount - 1 - context.NodeIndex;
        if (hasLeft)
        {
            var columns = _width - (hasRight ? 2 : 1);
            context.Push(_toLeft, TaskValue.FromReals(_current.AsSpan(_n, columns * _n)));
            for (var i = 0; i < farther; i++)
            {
                context.Push(_toLeft, context.Pop(_fromRight, cancellationToken: cancellationToken));
            }

            return;
        }

        for (var node = 1; node <= farther; node++)
        {
            var (first, end) = HeatStencil.Band(_n, context.NodeCount, node);
            var columns = end - first + (node == context.NodeCount - 1 ? 1 : 0);
            var band = context.Pop(_fromRight, cancellationToken: cancellationToken).AsReals();
            if (band.Length != columns * _n)
            {
                throw new InvalidOperationException($"node {node} sent {band.Length} values; its band needs {columns * _n}");
            }

            band.CopyTo(_current.AsSpan(first * _n));
        }
    }

    private Span<double> Column(double[] field, int j) => field.AsSpan(j * _n, _n);
}
