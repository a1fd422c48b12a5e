using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using Workbench.Contracts.Problems;
using Workbench.Engine.Evaluation;
using Workbench.Gpu.Contracts;

namespace Workbench.Gpu;

/// <summary>Evaluates batches with the problem's ILGPU kernel on one accelerator, one thread per point.</summary>
/// <remarks>
/// The kernel is compiled once, when the evaluator is created; device buffers are kept across batches and
/// reallocated only when a batch is larger than any before (<see cref="Allocations"/> counts that). Given a
/// <see cref="ProblemGuard"/>, batches go through the guard's checks (bounds, non-finite values, counts) with
/// the kernel in place of the CPU path. Results agree with the CPU path within rounding (1e-12 relative is
/// tested), not bit for bit: a GPU may fuse multiply-adds and uses its own transcendental functions.
/// </remarks>
public sealed class GpuEvaluator : IEvaluator
{
    private readonly Lock _gate = new();
    private readonly Accelerator _accelerator;
    private readonly ProblemGuard? _guard;
    private readonly int _dimension;
    private readonly IBatchKernel _kernel;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _constants;
    private MemoryBuffer1D<double, Stride1D.Dense>? _points;
    private MemoryBuffer1D<double, Stride1D.Dense>? _fitness;
    private bool _disposed;

    public GpuEvaluator(Accelerator accelerator, IProblem problem, string device)
    {
        var gpu = KernelOf(problem)
            ?? throw new ArgumentException($"problem '{problem.Id}' offers no GPU kernel", nameof(problem));
        _accelerator = accelerator;
        _guard = problem as ProblemGuard;
        _dimension = problem.Dimension;
        Device = device;
        _kernel = gpu.Accept(new BatchKernelCompiler(accelerator));
        // Never empty: a zero-length view is awkward on some backends, and objectives without constants ignore it.
        var constants = gpu.GpuConstants.Length == 0 ? new double[1] : gpu.GpuConstants.ToArray();
        _constants = accelerator.Allocate1D(constants);
    }

    public string Name => "gpu";

    /// <summary>One device.</summary>
    public int Workers => 1;

    public string Device { get; }

    /// <summary>How many times the point and fitness buffers were (re)allocated.</summary>
    public int Allocations { get; private set; }

    /// <summary>Points the buffers hold without reallocating.</summary>
    public long Capacity => _fitness?.Length ?? 0;

    /// <summary>The problem's GPU capability, looking through a <see cref="ProblemGuard"/>; null if it has none.</summary>
    public static IGpuProblem? KernelOf(IProblem problem) =>
        (problem is ProblemGuard guard ? guard.Inner : problem) as IGpuProblem;

    public ValueTask EvaluateAsync(ReadOnlyMemory<double> points, Memory<double> fitness, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_guard is not null)
            {
                _guard.Evaluate(points.Span, fitness.Span, Run);
            }
            else
            {
                if (points.Length != fitness.Length * _dimension)
                {
                    throw new ArgumentException($"{fitness.Length} points of dimension {_dimension} need {fitness.Length * _dimension} values, got {points.Length}", nameof(points));
                }

                Run(points.Span, fitness.Span);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.CompletedTask;
    }

    private void Run(ReadOnlySpan<double> points, Span<double> fitness)
    {
        var n = fitness.Length;
        if (n == 0)
        {
            return;
        }

        EnsureCapacity(n);
        var pointView = _points!.View.SubView(0, points.Length);
        var fitnessView = _fitness!.View.SubView(0, n);
        pointView.CopyFromCPU(ref MemoryMarshal.GetReference(points), points.Length);
        _kernel.Launch(n, pointView, fitnessView, _constants.View, _dimension);
        fitnessView.CopyToCPU(ref MemoryMarshal.GetReference(fitness), n);
    }

    private void EnsureCapacity(int n)
    {
        if (_fitness is not null && _fitness.Length >= n)
        {
            return;
        }

        _points?.Dispose();
        _fitness?.Dispose();
        _points = _accelerator.Allocate1D<double>((long)n * _dimension);
        _fitness = _accelerator.Allocate1D<double>(n);
        Allocations++;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _points?.Dispose();
            _fitness?.Dispose();
            _constants.Dispose();
        }
    }
}
