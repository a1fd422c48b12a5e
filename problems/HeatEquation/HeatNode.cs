using Workbench.Contracts.Tasks;

namespace Workbench.Problems.HeatEquation;

/// <summary>One vertical band of the grid. It keeps its columns plus one ghost column on each side, and after
/// every step sends its outer owned columns to its neighbours and receives their ones into its ghosts. After the
/// last step the bands travel down the chain to node 0, whose result is the whole field (<see cref="HeatGather"/>).</summary>
/// <remarks>Tubes (double linear topology): <c>right_i</c> carries node i's last column to node i+1, <c>left_i</c>
/// carries node i+1's first column to node i. Pushes never block, so pushing both ways before popping cannot
/// deadlock. Ghosts on the domain boundary are the zero Dirichlet columns and are never exchanged.
/// Node 0 gathers because a <see cref="TaskValue"/> always copies what it is made from: bands returned as node
/// results would be copied once into a band value, once into the assembled field and once more into the combined
/// value. Gathered, node 0's own band (and with one node the whole field) never moves, and its result value is
/// the task's result as it stands.</remarks>
internal sealed class HeatNode : IParallelTask
{
    /// <summary>Most steps per pass over a band (<see cref="HeatFusedSweep"/>): on a 2000² field, which outgrows the
    /// cache, 4 took 177-179 ms where 2 took 200-226 ms (one thread, 48 steps, best of 40).</summary>
    private const int MaxDepth = 4;

    private ITaskContext? _context;
    private int _n;
    private int _width;
    private int _steps;
    private double _k;
    private double[] _current = [];
    private double[] _next = [];
    private int _lastSize;
    private int _depth;
    private string _toRight = "";
    private string _toLeft = "";
    private string _fromLeft = "";
    private string _fromRight = "";
    private int _first;
    private double _time;
    private double _sigma;
    private TaskValue? _metrics;

    public void Initialize(ITaskContext context, TaskArguments arguments)
    {
        _context = context;
        _n = arguments.Int32("grid");
        var first = arguments.Int32("first");
        var end = arguments.Int32("end");
        _steps = arguments.Int32("steps");
        var dx = 2.0 / (_n - 1);
        _k = arguments.Real("dt") / (dx * dx);
        (_first, _time, _sigma) = (first, _steps * arguments.Real("dt"), arguments.Real("sigma"));
        _width = end - first + 2;
        var node = context.NodeIndex;
        (_toRight, _fromRight) = ($"right_{node}", $"left_{node}");
        (_toLeft, _fromLeft) = ($"left_{node - 1}", $"right_{node - 1}");

        // Node 0's band starts at global column 0 (its left ghost is the boundary), so a full-size array holds
        // its band where it belongs in the field; only the array that holds the field after the last swap needs it.
        // Fused sweeps step in place and never swap, so unless an odd number of single steps remains that is the
        // first array, and the second one is made only when a single step needs it (see Run).
        var band = _width * _n;
        _lastSize = node == 0 ? _n * _n : band;
        _depth = HeatFusedSweep.DeepestFor(_width - 2, MaxDepth);
        _current = new double[LastIsFirst ? _lastSize : band];
        for (var j = 0; j < _width; j++)
        {
            HeatStencil.Initial(Column(_current, j), first - 1 + j, _n, _sigma);
        }
    }

    public void Run(CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("Run before Initialize");
        var hasLeft = context.NodeIndex > 0;
        var hasRight = context.NodeIndex < context.NodeCount - 1;
        var reportEvery = Math.Max(1, _steps / 100);
        var sweep = _depth >= 2 ? new HeatFusedSweep(_n, _depth) : null;
        var exchange = Exchange(context, hasLeft, hasRight, cancellationToken);
        for (var step = 0; step < _steps;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = step;
            var depth = Math.Min(_depth, _steps - step);
            if (sweep is not null && depth >= 2)
            {
                sweep.Advance(_current, _width, _k, depth, exchange);
                step += depth;
            }
            else
            {
                if (_next.Length == 0)
                {
                    // Zeroed, like the first: the stencil never writes the boundary rows or the ghost columns.
                    _next = new double[LastIsFirst ? _width * _n : _lastSize];
                }

                for (var j = 1; j < _width - 1; j++)
                {
                    HeatStencil.Column(Column(_current, j - 1), Column(_current, j), Column(_current, j + 1), Column(_next, j), _k);
                }

                (_current, _next) = (_next, _current);
                exchange(Column(_current, 1), Column(_current, _width - 2), Column(_current, 0), Column(_current, _width - 1));
                step++;
            }

            if (step / reportEvery != before / reportEvery)
            {
                context.ReportProgress((double)step / _steps);
            }
        }

        Gather(context, hasLeft, hasRight, cancellationToken);
    }

    /// <summary>One exchange with the neighbours: this node's first and last owned columns go out, theirs come into
    /// the two ghost spans. Both pushes come before the pops, in the same order on every node, so bounded tubes
    /// between peers cannot deadlock. Boundary ghosts (no neighbour) are left as they are: zero Dirichlet columns.</summary>
    private HeatFusedSweep.Exchange Exchange(ITaskContext context, bool hasLeft, bool hasRight, CancellationToken cancellationToken) =>
        (first, last, leftGhost, rightGhost) =>
        {
            if (hasRight)
            {
                context.Push(_toRight, TaskValue.FromReals(last));
            }

            if (hasLeft)
            {
                context.Push(_toLeft, TaskValue.FromReals(first));
                context.Pop(_fromLeft, cancellationToken: cancellationToken).AsReals().CopyTo(leftGhost);
            }

            if (hasRight)
            {
                context.Pop(_fromRight, cancellationToken: cancellationToken).AsReals().CopyTo(rightGhost);
            }
        };

    /// <summary>Node 0: the whole field, column-major. Node 1: <c>[peak, max error]</c>. Others: nothing.</summary>
    public TaskValue GetResult() => _context?.NodeIndex switch
    {
        0 => TaskValue.FromReals(_current.AsSpan(0, _n * _n)),
        _ => _metrics ?? TaskValue.FromReals([]),
    };

    /// <summary>Every node measures its own columns (node 0 the left boundary too, the last node the right one)
    /// while the others do theirs, then the bands go to node 0 (see <see cref="HeatGather"/>).</summary>
    private void Gather(ITaskContext context, bool hasLeft, bool hasRight, CancellationToken cancellationToken)
    {
        if (!hasLeft && !hasRight)
        {
            return;
        }

        var lo = hasLeft ? 1 : 0;
        var columns = _current.AsSpan(lo * _n, (_width - lo - (hasRight ? 1 : 0)) * _n);
        var partial = HeatMetrics.Partial(columns, _first - 1 + lo, _n, _time, _sigma);
        if (hasLeft)
        {
            _metrics = HeatGather.Send(context, columns, _n, partial, _toLeft, _fromRight, _fromLeft, cancellationToken);
            return;
        }

        HeatGather.Receive(context, _current.AsSpan(0, _n * _n), _n, _time, _sigma, partial, _fromRight, _toRight, cancellationToken);
    }

    /// <summary>Whether the field ends in the first array: single steps swap the two arrays, and they are the steps
    /// left over from passes of <see cref="_depth"/> (one, when a last step remains alone), or all of them when the
    /// band is too narrow for fused passes.</summary>
    private bool LastIsFirst => (_depth >= 2 ? (_steps % _depth == 1 ? 1 : 0) : _steps) % 2 == 0;

    private Span<double> Column(double[] field, int j) => field.AsSpan(j * _n, _n);
}
