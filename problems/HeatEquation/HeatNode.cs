using Workbench.Contracts.Tasks;

namespace Workbench.Problems.HeatEquation;

/// <summary>One vertical band of the grid. It keeps its columns plus one ghost column on each side, and after
/// every step sends its outer owned columns to its neighbours and receives their ones into its ghosts.</summary>
/// <remarks>Tubes (double linear topology): <c>right_i</c> carries node i's last column to node i+1, <c>left_i</c>
/// carries node i+1's first column to node i. Pushes never block, so pushing both ways before popping cannot
/// deadlock. Ghosts on the domain boundary are the zero Dirichlet columns and are never exchanged.</remarks>
internal sealed class HeatNode : IParallelTask
{
    private ITaskContext? _context;
    private int _n;
    private int _width;
    private int _steps;
    private double _k;
    private double[] _current = [];
    private double[] _next = [];

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
        _current = new double[_width * _n];
        _next = new double[_width * _n];
        var sigma = arguments.Real("sigma");
        for (var j = 0; j < _width; j++)
        {
            HeatStencil.Initial(Column(_current, j), first - 1 + j, _n, sigma);
        }
    }

    public void Run(CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("Run before Initialize");
        var node = context.NodeIndex;
        var hasLeft = node > 0;
        var hasRight = node < context.NodeCount - 1;
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
                context.Push($"right_{node}", TaskValue.FromReals(Column(_current, _width - 2)));
            }

            if (hasLeft)
            {
                context.Push($"left_{node - 1}", TaskValue.FromReals(Column(_current, 1)));
                context.Pop($"right_{node - 1}", cancellationToken: cancellationToken).AsReals().CopyTo(Column(_current, 0));
            }

            if (hasRight)
            {
                context.Pop($"left_{node}", cancellationToken: cancellationToken).AsReals().CopyTo(Column(_current, _width - 1));
            }

            if ((step + 1) % reportEvery == 0)
            {
                context.ReportProgress((double)(step + 1) / _steps);
            }
        }
    }

    /// <summary>The owned columns (ghosts dropped), column-major.</summary>
    public TaskValue GetResult() => TaskValue.FromReals(_current.AsSpan(_n, (_width - 2) * _n));

    private Span<double> Column(double[] field, int j) => field.AsSpan(j * _n, _n);
}
