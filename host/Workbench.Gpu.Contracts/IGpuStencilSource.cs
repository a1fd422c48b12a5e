using ILGPU;

namespace Workbench.Gpu.Contracts;

/// <summary>One explicit time step of a 2-D stencil on an <c>n</c>×<c>n</c> field, column-major
/// (<c>index = column*n + row</c>): the kernel is launched over the (n−2)×(n−2) interior, one thread per cell
/// (<c>cell.X</c> = row − 1, <c>cell.Y</c> = column − 1: neighbouring threads touch neighbouring addresses),
/// reads <c>current</c> and writes <c>next</c>. Boundary cells are never written.</summary>
/// <remarks>Offered by a parallel-task factory (the heat equation) next to its CPU routine; a static method so
/// that ILGPU compiles it directly from the plugin's assembly.</remarks>
public interface IGpuStencilSource
{
    /// <summary>The kernel: <c>(cell, current, next, n, coefficient)</c>; for heat the coefficient is <c>dt/dx²</c>.</summary>
    Action<Index2D, ArrayView<double>, ArrayView<double>, int, double> StepKernel { get; }
}
