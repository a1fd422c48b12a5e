using ILGPU;
using Workbench.Contracts.Options;
using Workbench.Contracts.Tasks;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.HeatEquation;

/// <summary>du/dt = Laplacian(u) on [-1,1]^2 with u = 0 on the boundary, explicit Euler with the 5-point stencil,
/// the grid split into K vertical bands (the Playdoh paper's example). The result is the whole field after
/// <c>steps</c> steps, column-major (<c>index = ix*grid + iy</c>), shape [grid, grid].</summary>
/// <remarks>
/// Initial condition: a centred Gaussian <c>exp(-(x^2+y^2)/(2 sigma^2))</c>, sigma = 0.1 by default. Chosen because
/// the heat equation has a closed-form solution for it (a Gaussian whose variance grows as sigma^2 + 2t with
/// amplitude sigma^2/(sigma^2+2t)), so the solver can be checked against it; at sigma = 0.1 the boundary is
/// 10 sigma away and the Dirichlet condition changes nothing visible while sigma^2 + 2t stays small.
/// Accuracy (tested): at the defaults (grid 201, dt 2e-5, 500 steps, t = 0.01) the largest deviation from the
/// analytic Gaussian is 1.1e-4 (tolerance 3e-4, peak 1/3); it falls as dx^2 when dt is kept proportional to dx^2.
/// </remarks>
public sealed class HeatTaskFactory : ParallelTaskFactory<HeatOptions>, ITaskBenchmarkBaseline, IGpuStencilSource
{
    public override string Id => "heat";

    public override string Description => "2-D heat equation, explicit 5-point stencil, vertical bands exchanging ghost columns through tubes.";

    public string WorkUnit => "cell updates";

    /// <summary>The stencil step as an ILGPU kernel, for GPU benchmarks (coefficient <c>dt/dx²</c>).</summary>
    public Action<Index2D, ArrayView<double>, ArrayView<double>, int, double> StepKernel => HeatStencilKernel.Step;

    public override IParallelTask CreateNode() => new HeatNode();

    public double WorkUnits(OptionValues options)
    {
        var o = Options.Bind<HeatOptions>(options);
        return (double)(o.Grid - 2) * (o.Grid - 2) * o.Steps;
    }

    /// <summary>The same computation as one plain loop over the whole grid: no nodes, tubes or copies.</summary>
    public TaskValue RunBaseline(OptionValues options, ulong seed, CancellationToken cancellationToken)
    {
        var o = Options.Bind<HeatOptions>(options);
        var n = o.Grid;
        var current = new double[n * n];
        var next = new double[n * n];
        for (var c = 0; c < n; c++)
        {
            HeatStencil.Initial(current.AsSpan(c * n, n), c, n, o.Sigma);
        }

        var k = o.TimeStep / (o.Dx * o.Dx);
        for (var step = 0; step < o.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 1; c < n - 1; c++)
            {
                HeatStencil.Column(current.AsSpan((c - 1) * n, n), current.AsSpan(c * n, n), current.AsSpan((c + 1) * n, n), next.AsSpan(c * n, n), k);
            }

            (current, next) = (next, current);
        }

        return TaskValue.FromReals(current);
    }

    /// <summary>Each node's band with its next step, the field gathered on node 0, the combined result and its
    /// copy on the way out: about (nodes + 3) fields of grid² doubles.</summary>
    protected override long? EstimateBytes(HeatOptions options) => 8L * options.Grid * options.Grid * (options.Nodes + 3L);

    protected override TaskLayout Plan(HeatOptions options, ulong seed)
    {
        var nodes = Enumerable.Range(0, options.Nodes).Select(i =>
        {
            var (first, end) = HeatStencil.Band(options.Grid, options.Nodes, i);
            return TaskArguments.With("grid", options.Grid)
                .And("first", first)
                .And("end", end)
                .And("steps", options.Steps)
                .And("dt", options.TimeStep)
                .And("sigma", options.Sigma);
        });
        return new TaskLayout(nodes, TubeTopology.DoubleLinear(options.Nodes));
    }

    /// <summary>Node 0 gathered the bands (see <see cref="HeatGather"/>): its value is the field, taken as it is; with
    /// several nodes the metrics come from node 1, measured band by band in parallel.</summary>
    protected override TaskResult Combine(HeatOptions options, IReadOnlyList<TaskValue> nodeResults)
    {
        var n = options.Grid;
        var value = nodeResults[0];
        var field = value.AsReals();
        if (field.Length != n * n)
        {
            throw new InvalidOperationException($"node 0 returned {field.Length} values; the field needs {n * n}");
        }

        var t = options.Steps * options.TimeStep;
        var (peak, error) = nodeResults.Count == 1 ? HeatMetrics.Measure(field, n, t, options.Sigma) : (nodeResults[1].AsReals()[0], nodeResults[1].AsReals()[1]);
        return new TaskResult(
            value,
            [n, n],
            [
                new TaskMetric("time", t),
                new TaskMetric("dt", options.TimeStep),
                new TaskMetric("stability limit", options.StabilityLimit),
                new TaskMetric("peak", peak),
                new TaskMetric("analytic peak", HeatStencil.Analytic(0, 0, t, options.Sigma)),
                new TaskMetric("max error vs analytic", error),
            ]);
    }

    /// <summary>Largest |numeric - analytic| over the grid (see <see cref="HeatMetrics.MaxError"/>).</summary>
    public static double MaxError(ReadOnlySpan<double> field, int n, double t, double sigma) =>
        HeatMetrics.MaxError(field, n, t, sigma);
}
