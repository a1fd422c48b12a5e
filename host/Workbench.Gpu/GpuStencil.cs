using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using Workbench.Gpu.Contracts;

namespace Workbench.Gpu;

/// <summary>Runs a plugin's stencil kernel (<see cref="IGpuStencilSource"/>) on an n×n column-major field held in
/// device memory: two buffers swapped after every step, boundary cells copied once and never written.</summary>
public sealed class GpuStencil : IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly Action<Index2D, ArrayView<double>, ArrayView<double>, int, double> _step;
    private readonly int _n;
    private MemoryBuffer1D<double, Stride1D.Dense> _current;
    private MemoryBuffer1D<double, Stride1D.Dense> _next;

    public GpuStencil(Accelerator accelerator, IGpuStencilSource source, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        _accelerator = accelerator;
        _n = n;
        _step = accelerator.LoadAutoGroupedStreamKernel(source.StepKernel);
        _current = accelerator.Allocate1D<double>((long)n * n);
        _next = accelerator.Allocate1D<double>((long)n * n);
    }

    /// <summary>Uploads the field to both buffers (so the boundary is right in either).</summary>
    public void Upload(ReadOnlySpan<double> field)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(field.Length, (long)_n * _n, nameof(field));
        _current.View.CopyFromCPU(ref MemoryMarshal.GetReference(field), field.Length);
        _next.View.CopyFromCPU(ref MemoryMarshal.GetReference(field), field.Length);
    }

    /// <summary>Launches <paramref name="steps"/> steps without waiting; <see cref="Synchronize"/> waits.</summary>
    public void Step(int steps, double coefficient)
    {
        var interior = new Index2D(_n - 2, _n - 2);
        for (var s = 0; s < steps; s++)
        {
            _step(interior, _current.View, _next.View, _n, coefficient);
            (_current, _next) = (_next, _current);
        }
    }

    public void Synchronize() => _accelerator.Synchronize();

    public void Download(Span<double> field)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(field.Length, (long)_n * _n, nameof(field));
        _current.View.CopyToCPU(ref MemoryMarshal.GetReference(field), field.Length);
    }

    public void Dispose()
    {
        _current.Dispose();
        _next.Dispose();
    }
}
